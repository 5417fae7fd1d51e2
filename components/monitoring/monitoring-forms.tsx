'use client';

import { ErrorSummary } from '@/components/ui/error-summary';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { assignAlertOwnerAction, setMonitoredFlagAction } from '@/lib/monitoring/actions';

export function AssignOwnerForm({ alertId, users }: { alertId: string; users: { id: string; name: string }[] }) {
  const { state, pending, onSubmit, errors } = useFormAction(assignAlertOwnerAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="指定承办人" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-200 bg-white p-4">
      <ErrorSummary state={state} />
      <input type="hidden" name="alertId" value={alertId} />
      <Field id="al-owner" label="承办人" error={errors.ownerId}>
        {(a) => (
          <select {...a} name="ownerId" defaultValue="" className={inputClass}>
            <option value="">请选择</option>
            {users.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
          </select>
        )}
      </Field>
      <button type="submit" disabled={pending} className={buttonClass}>指定</button>
      <p role="status" className="text-sm">{state?.ok ? '已指定。' : state ? <span className="text-red-700">{state.message}</span> : null}</p>
    </form>
  );
}

const reasons = [
  ['near_dibao', '低保边缘家庭'],
  ['rigid_spending', '刚性支出较大家庭'],
  ['other', '其他需要监测的家庭'],
  ['none', '不列入监测'],
] as const;

export function MonitoredFlagForm({ householdId, current }: { householdId: string; current: string | null }) {
  const { state, pending, onSubmit, errors } = useFormAction(setMonitoredFlagAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="设置监测对象" className="grid gap-3 md:grid-cols-3">
      <ErrorSummary state={state} />
      <input type="hidden" name="householdId" value={householdId} />
      <Field id="mf-reason" label="监测类别" error={errors.reason}>
        {(a) => (
          <select {...a} name="reason" defaultValue={current ?? 'none'} className={inputClass}>
            {reasons.map(([v, l]) => <option key={v} value={v}>{l}</option>)}
          </select>
        )}
      </Field>
      <Field id="mf-note" label="说明" error={errors.note}>
        {(a) => <input {...a} name="note" className={inputClass} />}
      </Field>
      <div className="flex items-end gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>保存</button>
        <p role="status" className="text-sm">{state?.ok ? '已保存。' : state ? <span className="text-red-700">{state.message}</span> : null}</p>
      </div>
    </form>
  );
}
