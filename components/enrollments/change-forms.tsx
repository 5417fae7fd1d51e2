'use client';

import { useState } from 'react';
import { decideChangeAction, proposeChangeAction, recomputeCountyAction } from '@/lib/enrollments/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { endReasonLabels, endReasons } from '@/lib/enrollments/end-reasons';
import { ErrorSummary } from '@/components/ui/error-summary';

export function ProposeChangeForm({ enrollmentId, version, label, nextMonth }: { enrollmentId: string; version: number; label: string; nextMonth: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(proposeChangeAction);
  const [kind, setKind] = useState('recompute');
  return (
    <details className="mt-2">
      <summary className="cursor-pointer text-sm text-blue-700 underline">提出变更（{label}）</summary>
      <form onSubmit={onSubmit} noValidate aria-label={`${label} 变更`} className="mt-2 grid gap-3 rounded border border-slate-200 bg-white p-3 md:grid-cols-3">
        <ErrorSummary state={state} />
        <input type="hidden" name="enrollmentId" value={enrollmentId} />
        <input type="hidden" name="version" value={version} />
        <Field id={`kind-${enrollmentId}`} label="变更类型" error={errors.kind}>
          {(a) => (
            <select {...a} name="kind" value={kind} onChange={(e) => setKind(e.target.value)} className={inputClass}>
              <option value="recompute">重新核算金额</option>
              <option value="suspend">暂停</option>
              <option value="resume">恢复</option>
              <option value="terminate">终止</option>
            </select>
          )}
        </Field>
        <Field id={`month-${enrollmentId}`} label="生效月份" error={errors.effectiveMonth}>
          {(a) => <input {...a} name="effectiveMonth" type="month" defaultValue={nextMonth} className={inputClass} />}
        </Field>
        <Field id={`reason-${enrollmentId}`} label="变更原因" error={errors.reason}>
          {(a) => <input {...a} name="reason" className={inputClass} />}
        </Field>
        <Field id={`hearing-${enrollmentId}`} label="告知及陈述申辩情况（减发、暂停、终止必填）" error={errors.hearingNote}>
          {(a) => <textarea {...a} name="hearingNote" rows={2} className={inputClass} />}
        </Field>
        {kind === 'terminate' && (
          <Field id={`end-${enrollmentId}`} label="终止原因" error={errors.reasonCode}>
            {(a) => (
              <select {...a} name="reasonCode" defaultValue="" className={inputClass}>
                <option value="" disabled>请选择</option>
                {endReasons.map((r) => <option key={r} value={r}>{endReasonLabels[r]}</option>)}
              </select>
            )}
          </Field>
        )}
        {kind === 'terminate' && (
          <Field id={`exit-${enrollmentId}`} label="渐退期（月，可不填）" error={errors.gradualExitMonths}>
            {(a) => <input {...a} name="gradualExitMonths" inputMode="numeric" className={inputClass} />}
          </Field>
        )}
        <div className="flex items-center gap-3 md:col-span-3">
          <button type="submit" disabled={pending} className={buttonClass}>提交变更</button>
          <p role="status" className="text-sm">{state?.ok ? '已提交，待审核审批人审批。' : state ? <span className="text-red-700">{errors.kind ?? state.message}</span> : null}</p>
        </div>
      </form>
    </details>
  );
}

export function DecideChangeForm({ changeId, label }: { changeId: string; label: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(decideChangeAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={`审批 ${label}`} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="changeId" value={changeId} />
      <Field id={`cr-${changeId}`} label="意见" error={errors.reason}>
        {(a) => <input {...a} name="reason" className={inputClass} />}
      </Field>
      <button type="submit" name="decision" value="approve" disabled={pending} className={buttonClass}>同意</button>
      <button type="submit" name="decision" value="reject" disabled={pending} className="rounded border border-red-700 px-3 py-2 text-red-700">不同意</button>
      <p role="status" className="text-sm">{state?.ok ? '已处理。' : state ? <span className="text-red-700">{errors.decision ?? state.message}</span> : null}</p>
    </form>
  );
}

export function RecomputeCountyForm({ countyCode, countyName, nextMonth }: { countyCode: string; countyName: string; nextMonth: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(recomputeCountyAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="按新标准重新测算" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3">
      <ErrorSummary state={state} />
      <h2 className="font-semibold md:col-span-3">标准调整后重新测算（{countyName}全部在保低保、特困对象）</h2>
      <input type="hidden" name="countyCode" value={countyCode} />
      <Field id="rc-month" label="新标准生效月份" error={errors.effectiveMonth}>
        {(a) => <input {...a} name="effectiveMonth" type="month" defaultValue={nextMonth} className={inputClass} />}
      </Field>
      <Field id="rc-reason" label="依据" error={errors.reason}>
        {(a) => <input {...a} name="reason" className={inputClass} />}
      </Field>
      <div className="flex items-end gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? '正在测算…' : '测算并提交变更'}</button>
      </div>
      <p role="status" className="text-sm md:col-span-3">
        {state?.ok ? `已测算 ${state.data.checked} 件，其中 ${state.data.proposed} 件金额变化，已提交待审批${state.data.skipped ? `；${state.data.skipped} 件无法测算（如家庭已无在户成员），请逐户处理` : ''}。` : state ? <span className="text-red-700">{state.message}</span> : null}
      </p>
    </form>
  );
}
