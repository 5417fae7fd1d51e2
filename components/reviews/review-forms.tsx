'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { endReasonLabels, endReasons } from '@/lib/enrollments/end-reasons';
import { assignReviewsAction, createBatchAction, recordReviewAction } from '@/lib/reviews/actions';

export function CreateBatchForm({ townships, month, latestMonth }: { townships: { code: string; name: string }[]; month: string; latestMonth: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(createBatchAction);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.push(`/reviews/batches/${state.data.batchId}`);
  }, [state, router]);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="生成复核批次" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3">
      <ErrorSummary state={state} />
      <h2 className="font-semibold md:col-span-3">生成复核批次</h2>
      <p className="text-sm text-slate-600 md:col-span-3">批次包含该乡镇（街道）所有复核日期在所选月份月底前（含已逾期）、尚未列入复核的低保和特困对象；重复生成只补充新到期的对象。</p>
      <Field id="rb-township" label="乡镇（街道）" error={errors.townshipCode}>
        {(a) => (
          <select {...a} name="townshipCode" defaultValue={townships.length === 1 ? townships[0]!.code : ''} className={inputClass}>
            {townships.length !== 1 && <option value="">请选择</option>}
            {townships.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
          </select>
        )}
      </Field>
      <Field id="rb-month" label="复核月份" error={errors.month}>
        {(a) => <input {...a} name="month" type="month" max={latestMonth} defaultValue={month} className={inputClass} />}
      </Field>
      <div className="flex items-end">
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? '正在生成…' : '生成批次'}</button>
      </div>
      <p role="status" className="text-sm md:col-span-3">{state?.ok ? `已生成，新增 ${state.data.added} 户。` : state ? <span className="text-red-700">{state.message}</span> : null}</p>
    </form>
  );
}

export function AssignReviewsForm({ batchId, assignable, reviews }: { batchId: string; assignable: { id: string; name: string }[]; reviews: { id: string; label: string }[] }) {
  const { state, pending, onSubmit, errors } = useFormAction(assignReviewsAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="分派复核" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
      <ErrorSummary state={state} />
      <h2 className="font-semibold">分派调查人</h2>
      <input type="hidden" name="batchId" value={batchId} />
      <div className="grid gap-3 md:grid-cols-3">
        <Field id="as-assignee" label="调查人" error={errors.assigneeId}>
          {(a) => (
            <select {...a} name="assigneeId" defaultValue="" className={inputClass}>
              <option value="">请选择</option>
              {assignable.map((u) => <option key={u.id} value={u.id}>{u.name}</option>)}
            </select>
          )}
        </Field>
        <Field id="as-scope" label="分派范围" error={errors.scope}>
          {(a) => (
            <select {...a} name="scope" defaultValue="unassigned" className={inputClass}>
              <option value="unassigned">全部未分派的复核</option>
              <option value="selected">下面勾选的复核</option>
            </select>
          )}
        </Field>
        <div className="flex items-end">
          <button type="submit" disabled={pending} className={buttonClass}>分派</button>
        </div>
      </div>
      {reviews.length > 0 && (
        <fieldset aria-describedby={errors.reviewIds ? 'as-ids-error' : undefined}>
          <legend className="text-sm font-medium">勾选复核（范围选“勾选”时）</legend>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {reviews.map((r) => (
              <label key={r.id} className="inline-flex items-center gap-1">
                <input type="checkbox" name="reviewIds" value={r.id} /> {r.label}
              </label>
            ))}
          </div>
          {errors.reviewIds && <p id="as-ids-error" className="mt-1 text-sm text-red-700">{errors.reviewIds}</p>}
        </fieldset>
      )}
      <p role="status" className="text-sm">{state?.ok ? `已分派 ${state.data.assigned} 户。` : state ? <span className="text-red-700">{state.message}</span> : null}</p>
    </form>
  );
}

const outcomeLabels = { keep: '维持（情况无变化）', recompute: '重新核算金额（增发或减发）', stop: '终止保障' } as const;

export function RecordReviewForm({ reviewId, version, today, nextMonth, cycle, tekun, investigator }: { reviewId: string; version: number; today: string; nextMonth: string; cycle: 'stable' | 'unstable'; tekun: boolean; investigator: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(recordReviewAction);
  const [outcome, setOutcome] = useState<keyof typeof outcomeLabels>('keep');
  const done = state?.ok
    ? state.data.outcome === 'keep'
      ? `复核已办结，下次复核日期 ${state.data.nextReviewOn}。`
      : '复核结果已登记，变更已提交，待审核审批人审批后办结。'
    : null;
  return (
    <form onSubmit={onSubmit} noValidate aria-label="登记复核结果" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2">
      <ErrorSummary state={state} />
      <h2 className="font-semibold md:col-span-2">登记入户复核结果</h2>
      <input type="hidden" name="reviewId" value={reviewId} />
      <input type="hidden" name="version" value={version} />
      <Field id="rv-date" label="复核日期" error={errors.visitedOn}>
        {(a) => <input {...a} name="visitedOn" type="date" max={today} defaultValue={today} className={inputClass} />}
      </Field>
      <Field id="rv-cycle" label="复核周期" error={errors.reviewCycle} hint={tekun ? '特困供养人员每年复核' : '收入稳定的每年复核，收入不稳定或有劳动能力的每半年复核'}>
        {(a) => (
          <select {...a} name="reviewCycle" defaultValue={tekun ? 'stable' : cycle} className={inputClass}>
            <option value="stable">每年（收入稳定）</option>
            {!tekun && <option value="unstable">每半年（收入不稳定）</option>}
          </select>
        )}
      </Field>
      <Field id="rv-inv1" label="第一调查人" error={errors.investigator1}>
        {(a) => <input {...a} name="investigator1" defaultValue={investigator} className={inputClass} />}
      </Field>
      <Field id="rv-inv2" label="第二调查人" error={errors.investigator2}>
        {(a) => <input {...a} name="investigator2" className={inputClass} />}
      </Field>
      <div className="md:col-span-2">
        <Field id="rv-findings" label="入户复核情况" error={errors.findings} hint="收入、财产有变化的，请先在家庭档案中更新，再选择重新核算">
          {(a) => <textarea {...a} name="findings" rows={3} className={inputClass} />}
        </Field>
      </div>
      <Field id="rv-outcome" label="复核结论" error={errors.outcome}>
        {(a) => (
          <select {...a} name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value as keyof typeof outcomeLabels)} className={inputClass}>
            {Object.entries(outcomeLabels).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
          </select>
        )}
      </Field>
      {outcome !== 'keep' && (
        <Field id="rv-month" label="变更生效月份" error={errors.effectiveMonth}>
          {(a) => <input {...a} name="effectiveMonth" type="month" defaultValue={nextMonth} className={inputClass} />}
        </Field>
      )}
      {outcome === 'stop' && (
        <Field id="rv-reason" label="终止原因" error={errors.reasonCode}>
          {(a) => (
            <select {...a} name="reasonCode" defaultValue="" className={inputClass}>
              <option value="">请选择</option>
              {endReasons.map((r) => <option key={r} value={r}>{endReasonLabels[r]}</option>)}
            </select>
          )}
        </Field>
      )}
      {outcome !== 'keep' && (
        <div className="md:col-span-2">
          <Field id="rv-hearing" label="告知及陈述申辩情况（减发、终止必填）" error={errors.hearingNote}>
            {(a) => <textarea {...a} name="hearingNote" rows={2} className={inputClass} />}
          </Field>
        </div>
      )}
      <div className="flex items-center gap-3 md:col-span-2">
        <button type="submit" disabled={pending || !!done} className={buttonClass}>提交复核结果</button>
        <p role="status" className="text-sm">{done ?? (state && !state.ok ? <span className="text-red-700">{state.message}</span> : null)}</p>
      </div>
    </form>
  );
}
