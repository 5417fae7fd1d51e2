'use client';

import { applyAction } from '@/lib/temp-aid/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { causeLabels, causesFor, type AidKind } from '@/lib/temp-aid/labels';
import { ErrorSummary } from '@/components/ui/error-summary';

/** 小额快救 or 支出型: the application a caseworker enters for a registered household. */
export function ApplyForm({ householdId, kind, capText }: { householdId: string; kind: Extract<AidKind, 'small_fast' | 'expenditure'>; capText: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(applyAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={kind === 'small_fast' ? '小额快救申请' : '支出型临时救助申请'} className="grid max-w-3xl gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2">
      <ErrorSummary state={state} />
      <input type="hidden" name="householdId" value={householdId} />
      <input type="hidden" name="kind" value={kind} />
      <Field id="cause" label="救助事由 *" error={errors.cause}>
        {(a) => (
          <select {...a} name="cause" defaultValue="" className={inputClass}>
            <option value="">请选择</option>
            {causesFor(kind).map((c) => <option key={c} value={c}>{causeLabels[c]}</option>)}
          </select>
        )}
      </Field>
      <Field id="amount" label="申请金额（元） *" error={errors.amount} hint={capText}>
        {(a) => <input {...a} name="amount" inputMode="decimal" autoComplete="off" className={inputClass} />}
      </Field>
      <div className="md:col-span-2">
        <Field id="narrative" label="困难情况 *" error={errors.narrative}>
          {(a) => <textarea {...a} name="narrative" rows={3} className={inputClass} />}
        </Field>
      </div>
      <Field id="documents" label="申请材料（每行一项）" error={errors.documents}>
        {(a) => <textarea {...a} name="documents" rows={2} className={inputClass} />}
      </Field>
      {errors.sameCauseNote && (
        <Field id="sameCauseNote" label="同一事由再次救助的理由 *" error={errors.sameCauseNote}>
          {(a) => <textarea {...a} name="sameCauseNote" rows={2} className={inputClass} />}
        </Field>
      )}
      <div className="flex items-center gap-3 md:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass}>提交申请</button>
        <p role="status" className="text-sm text-red-700">{state && !state.ok ? (errors._form ?? state.message) : ''}</p>
      </div>
    </form>
  );
}
