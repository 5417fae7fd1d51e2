'use client';

import {
  acceptAction,
  notAcceptAction,
  countyVisitAction,
  decideAction,
  investigateAction,
  objectionAction,
  publicNoticeAction,
  townshipOpinionAction,
} from '@/lib/applications/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { useConfirmDialog } from '@/components/ui/confirm-dialog';
import type { ActionResult } from '@/lib/core/errors';
import { AcknowledgeField, LateReasonField, NoticeEvidenceField } from '@/components/late-entries/late-fields';
import { formatFen } from '@/lib/core/format';
import { ErrorSummary } from '@/components/ui/error-summary';

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

function StepForm({ title, action, id, version, submit, confirm, children }: {
  title: string;
  action: Action;
  id: string;
  version: number;
  submit: string;
  /** Asked before sending (see useFormAction); the dialog it opens is rendered here. */
  confirm?: { ask: (data: FormData) => boolean | Promise<boolean>; dialog: React.ReactNode };
  children: (errors: Record<string, string>) => React.ReactNode;
}) {
  const { state, pending, onSubmit, errors } = useFormAction(action, confirm?.ask);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={title} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2">
      <ErrorSummary state={state} />
      {confirm?.dialog}
      <h3 className="font-semibold md:col-span-2">{title}</h3>
      <input type="hidden" name="applicationId" value={id} />
      <input type="hidden" name="version" value={version} />
      {children(errors)}
      <div className="flex items-center gap-3 md:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass}>{submit}</button>
        <p role="status" className="text-sm">
          {state?.ok ? '已保存。' : state ? <span className="text-red-700">{errors._form ?? errors.decision ?? state.message}</span> : null}
        </p>
      </div>
    </form>
  );
}

const dateField = (id: string, label: string, errors: Record<string, string>, name: string, defaultValue: string) => (
  <Field id={id} label={label} error={errors[name]}>
    {(a) => <input {...a} name={name} type="date" defaultValue={defaultValue} className={inputClass} />}
  </Field>
);

export function AcceptForm({ id, version, today }: { id: string; version: number; today: string }) {
  return (
    <StepForm title="受理" action={acceptAction} id={id} version={version} submit="受理">
      {(errors) => (
        <>
          {dateField('acceptedOn', '受理日期', errors, 'acceptedOn', today)}
          <Field id="missingDocuments" label="需补齐的材料（每行一项，齐全则留空）" error={errors.missingDocuments}>
            {(a) => <textarea {...a} name="missingDocuments" rows={3} className={inputClass} />}
          </Field>
          <LateReasonField errors={errors} />
        </>
      )}
    </StepForm>
  );
}

/** 不予受理, with the reason the notice gives; asked once more before it closes the case. */
export function NotAcceptForm({ id, version, today }: { id: string; version: number; today: string }) {
  const { ask, dialog } = useConfirmDialog();
  const confirm = {
    ask: () => ask({ title: '不予受理', message: '不予受理将结束这件申请并制发不予受理通知书，确定吗？', confirmLabel: '确认不予受理' }),
    dialog,
  };
  return (
    <StepForm title="不予受理" action={notAcceptAction} id={id} version={version} submit="不予受理" confirm={confirm}>
      {(errors) => (
        <>
          {dateField('notAcceptedOn', '不予受理日期', errors, 'notAcceptedOn', today)}
          <Field id="notAcceptReason" label="不予受理理由" error={errors.reason}>
            {(a) => <textarea {...a} name="reason" rows={2} className={inputClass} />}
          </Field>
          <LateReasonField errors={errors} id="notAcceptLateReason" />
        </>
      )}
    </StepForm>
  );
}

export function InvestigateForm({ id, version, today }: { id: string; version: number; today: string }) {
  return (
    <StepForm title="入户调查" action={investigateAction} id={id} version={version} submit="保存调查结果">
      {(errors) => (
        <>
          <Field id="investigator1" label="调查人一" error={errors.investigator1}>
            {(a) => <input {...a} name="investigator1" className={inputClass} />}
          </Field>
          <Field id="investigator2" label="调查人二" error={errors.investigator2}>
            {(a) => <input {...a} name="investigator2" className={inputClass} />}
          </Field>
          {dateField('investigatedOn', '调查日期', errors, 'investigatedOn', today)}
          <Field id="findings" label="调查情况" error={errors.findings}>
            {(a) => <textarea {...a} name="findings" rows={3} className={inputClass} />}
          </Field>
          <LateReasonField errors={errors} />
        </>
      )}
    </StepForm>
  );
}

export function TownshipOpinionForm({ id, version, today }: { id: string; version: number; today: string }) {
  return (
    <StepForm title="乡镇审核" action={townshipOpinionAction} id={id} version={version} submit="提交乡镇意见">
      {(errors) => (
        <>
          {dateField('reviewedOn', '审核日期', errors, 'reviewedOn', today)}
          <Field id="opinion" label="乡镇审核意见" error={errors.opinion}>
            {(a) => <textarea {...a} name="opinion" rows={2} className={inputClass} />}
          </Field>
          <LateReasonField errors={errors} />
        </>
      )}
    </StepForm>
  );
}

export function PublicNoticeForm({ id, version, today }: { id: string; version: number; today: string }) {
  return (
    <StepForm title="张榜公示" action={publicNoticeAction} id={id} version={version} submit="开始公示">
      {(errors) => (
        <>
          {dateField('noticeStart', '公示开始日期', errors, 'noticeStart', today)}
          <p className="self-end text-sm text-slate-600">公示期从公示开始日期起算，补录不改变公示期。</p>
          <LateReasonField errors={errors} />
          <NoticeEvidenceField errors={errors} />
        </>
      )}
    </StepForm>
  );
}

export function ObjectionForm({ id, version, today }: { id: string; version: number; today: string }) {
  return (
    <StepForm title="公示期异议" action={objectionAction} id={id} version={version} submit="登记异议并退回调查">
      {(errors) => (
        <>
          {dateField('raisedOn', '异议日期', errors, 'raisedOn', today)}
          <Field id="content" label="异议内容" error={errors.content}>
            {(a) => <textarea {...a} name="content" rows={2} className={inputClass} />}
          </Field>
          <LateReasonField errors={errors} />
        </>
      )}
    </StepForm>
  );
}

export function CountyVisitForm({ id, version, today }: { id: string; version: number; today: string }) {
  return (
    <StepForm title="县级入户核查（近亲属备案）" action={countyVisitAction} id={id} version={version} submit="保存核查记录">
      {(errors) => (
        <>
          {dateField('visitedOn', '核查日期', errors, 'visitedOn', today)}
          <Field id="visitNotes" label="核查情况" error={errors.notes}>
            {(a) => <textarea {...a} name="notes" rows={2} className={inputClass} />}
          </Field>
          <LateReasonField errors={errors} />
        </>
      )}
    </StepForm>
  );
}

/**
 * An approval enrolls the household and starts monthly payments: the supervisor confirms what is
 * approved, for whom, how much and from when (the server computes the amount again at the decision).
 * lateEntries: how many late entries (补录) of the case still wait for the decider's acknowledgment.
 */
export function DecideForm({ id, version, who, monthlyFen, startMonth, lateEntries = 0 }: { id: string; version: number; who: string; monthlyFen: number | null; startMonth: string; lateEntries?: number }) {
  const { ask, dialog } = useConfirmDialog();
  const confirm = (data: FormData) =>
    data.get('decision') !== 'approve' ||
    ask({
      title: '确认批准',
      message: `确认批准 ${who}${monthlyFen === null ? '' : `：按测算每月 ${formatFen(monthlyFen)}`}，自 ${startMonth} 起按月发放（金额以审批时核定为准）。批准后即纳入在册，不能撤回。`,
      confirmLabel: '确认批准',
    });
  return (
    <StepForm title="县级审批" action={decideAction} id={id} version={version} submit="提交审批结果" confirm={{ ask: confirm, dialog }}>
      {(errors) => (
        <>
          <Field id="decision" label="审批结果" error={errors.decision}>
            {(a) => (
              <select {...a} name="decision" defaultValue="" className={inputClass}>
                <option value="">请选择</option>
                <option value="approve">批准</option>
                <option value="refuse">不予批准</option>
              </select>
            )}
          </Field>
          <Field id="reason" label="审批意见（不予批准须写明理由）" error={errors.reason}>
            {(a) => <textarea {...a} name="reason" rows={2} className={inputClass} />}
          </Field>
          <AcknowledgeField count={lateEntries} errors={errors} />
        </>
      )}
    </StepForm>
  );
}
