'use client';

import { ErrorSummary } from '@/components/ui/error-summary';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { setAlertOutcomeAction } from '@/lib/monitoring/actions';

export function AlertOutcomeForm({ alertId, outcomes }: { alertId: string; outcomes: { value: string; label: string }[] }) {
  const { state, pending, onSubmit, errors } = useFormAction(setAlertOutcomeAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="登记处理结果" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2">
      <ErrorSummary state={state} />
      <h2 className="font-semibold md:col-span-2">登记处理结果</h2>
      <input type="hidden" name="alertId" value={alertId} />
      <Field id="al-outcome" label="处理结果" error={errors.outcome}>
        {(a) => (
          <select {...a} name="outcome" defaultValue="" className={inputClass}>
            <option value="">请选择</option>
            {outcomes.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
          </select>
        )}
      </Field>
      <Field id="al-reason" label="说明（选择“无需救助”时必填）" error={errors.reason}>
        {(a) => <textarea {...a} name="reason" rows={2} className={inputClass} />}
      </Field>
      <div className="flex items-center gap-3 md:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass}>提交</button>
        <p role="status" className="text-sm">{state && !state.ok ? <span className="text-red-700">{errors._form ?? state.message}</span> : null}</p>
      </div>
    </form>
  );
}
