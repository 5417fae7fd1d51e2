'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { Field, inputClass } from '@/components/ui/field';
import type { ActionResult } from '@/lib/core/errors';
import { useFormAction } from '@/components/ui/use-form-action';

// Pieces shared by the forms that change a registered household.

export const smallButtonClass = 'rounded border border-blue-700 px-3 py-1 text-sm text-blue-700 hover:bg-blue-50 aria-expanded:bg-blue-50';
export const panelClass = 'grid gap-3 rounded-lg border border-slate-200 bg-slate-50 p-3 md:grid-cols-3';

/**
 * A change form's state; `reset` clears what was typed after a success (for "add another"
 * forms), while a refused submit keeps every value next to its error.
 */
export function useChangeForm<T>(action: (prev: unknown, formData: FormData) => Promise<ActionResult<T>>, reset = false) {
  const form = useFormAction(action);
  const ref = useRef<HTMLFormElement>(null);
  const { state } = form;
  useEffect(() => {
    if (reset && state?.ok) ref.current?.reset();
  }, [reset, state]);
  return { ...form, ref };
}

/** The household and the version this form was read at: a change made meanwhile makes it stale. */
export function HouseholdRef({ householdId, version }: { householdId: string; version: number }) {
  return (
    <>
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="version" value={version} />
    </>
  );
}

export function ReasonField({ id, errors, label = '变更原因' }: { id: string; errors: Record<string, string>; label?: string }) {
  return (
    <Field id={id} label={label} error={errors.reason} hint="2–200 字，记入变更记录">
      {(a) => <input {...a} name="reason" maxLength={200} autoComplete="off" className={inputClass} />}
    </Field>
  );
}

// Errors on fields the form does not show (ids, version) or on the form as a whole.
const unseenFields = ['_form', 'householdId', 'version', 'memberId', 'itemId', 'assetId'];

/** The outcome of the last submit, announced to screen readers. */
export function FormStatus<T>({
  state,
  success,
  visible = [],
}: {
  state: ActionResult<T> | null;
  success: (data: T) => string;
  /** Id-like fields this form does show (a member or item select), so their errors sit there. */
  visible?: string[];
}) {
  let text = '';
  let failed = false;
  if (state?.ok) text = success(state.data);
  else if (state) {
    failed = true;
    const unseen = unseenFields.filter((k) => !visible.includes(k)).map((k) => state.fieldErrors[k]).filter(Boolean);
    const count = Object.keys(state.fieldErrors).length;
    text = unseen.length > 0 ? unseen.join('；') : count > 0 ? `有 ${count} 处需要修改，请查看标红的字段。` : state.message;
  }
  return (
    <p role="status" className={`text-sm md:col-span-3 ${failed ? 'text-red-700' : 'text-green-800'}`}>
      {text}
    </p>
  );
}

/** A button that shows its panel below it; the form inside is only mounted while open. */
export function Disclosure({ label, children }: { label: React.ReactNode; children: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="mt-2">
      <button type="button" aria-expanded={open} aria-controls={open ? id : undefined} onClick={() => setOpen(!open)} className={smallButtonClass}>
        {label}
      </button>
      {open && (
        <div id={id} className="mt-2">
          {children}
        </div>
      )}
    </div>
  );
}
