'use client';

import { confirmAccountAction } from '@/lib/payouts/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { inputClass } from '@/components/ui/field';

/** On a failed line: "the account is right after all" — the next run re-issues it. */
export function ConfirmAccountForm({ lineId }: { lineId: number }) {
  const { state, pending, onSubmit, errors } = useFormAction(confirmAccountAction);
  if (state?.ok) return <p role="status" className="text-sm text-green-800">已核实，下月重新发放。</p>;
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`核实账户 ${lineId}`} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="lineId" value={lineId} />
      <label className="text-sm">
        核实情况
        <input name="note" aria-invalid={errors.note ? true : undefined} className={`${inputClass} w-48`} />
      </label>
      <button type="submit" disabled={pending} className="rounded border border-blue-700 px-2 py-1 text-sm text-blue-700">账户无误，重新发放</button>
      {state && !state.ok && <span className="text-sm text-red-700">{errors.note ?? errors._form ?? state.message}</span>}
    </form>
  );
}
