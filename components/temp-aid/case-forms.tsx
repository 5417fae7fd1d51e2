'use client';

import { useState } from 'react';
import {
  accountAction,
  caseNoticeAction,
  completeAction,
  decideCaseAction,
  investigateCaseAction,
} from '@/lib/temp-aid/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { AcknowledgeField, LateReasonField, NoticeEvidenceField } from '@/components/late-entries/late-fields';
import type { ActionResult } from '@/lib/core/errors';
import { ErrorSummary } from '@/components/ui/error-summary';

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

export function CaseForm({ title, action, hidden, submit, firstError, confirm, children }: {
  title: string;
  action: Action;
  hidden: Record<string, string | number>;
  submit: string;
  firstError?: string;
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
      {Object.entries(hidden).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
      {children(errors)}
      <div className="flex items-center gap-3 md:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass}>{submit}</button>
        <p role="status" className="text-sm">
          {state?.ok ? '已保存。' : state ? <span className="text-red-700">{errors._form ?? (firstError && errors[firstError]) ?? state.message}</span> : null}
        </p>
      </div>
    </form>
  );
}

export const textArea = (id: string, label: string, errors: Record<string, string>, name = id, hint?: string) => (
  <Field id={id} label={label} error={errors[name]} hint={hint}>
    {(a) => <textarea {...a} name={name} rows={3} className={inputClass} />}
  </Field>
);
export const textInput = (id: string, label: string, errors: Record<string, string>, name = id, defaultValue?: string, hint?: string) => (
  <Field id={id} label={label} error={errors[name]} hint={hint}>
    {(a) => <input {...a} name={name} defaultValue={defaultValue} className={inputClass} />}
  </Field>
);
export const dateInput = (id: string, label: string, errors: Record<string, string>, defaultValue: string) => (
  <Field id={id} label={label} error={errors[id]}>
    {(a) => <input {...a} name={id} type="date" defaultValue={defaultValue} className={inputClass} />}
  </Field>
);

function PaymentFields({ errors, payee }: { errors: Record<string, string>; payee: string }) {
  return (
    <>
      <Field id="method" label="发放方式" error={errors.method}>
        {(a) => (
          <select {...a} name="method" defaultValue="" className={inputClass}>
            <option value="">请选择</option>
            <option value="bank">银行转账（本户登记的账户）</option>
            <option value="cash">现金（凭收据）</option>
          </select>
        )}
      </Field>
      {textInput('payeeName', '领款人', errors, 'payeeName', payee)}
    </>
  );
}

type Ref = { id: string; version: number };

export function AccountForm({ id, version }: Ref) {
  return (
    <CaseForm title="提交情况说明" action={accountAction} hidden={{ caseId: id, version }} submit="提交情况说明" firstError="account">
      {(errors) => (
        <>
          {textArea('account', '情况说明（发生了什么、核实情况、救助经过）', errors)}
          {textArea('documents', '已收集的材料（每行一项）', errors, 'documents', '如：医院诊断证明、事故认定书、领款收据')}
        </>
      )}
    </CaseForm>
  );
}

export function CompleteForm({ id, version, payee }: Ref & { payee: string }) {
  const [outcome, setOutcome] = useState('');
  return (
    <CaseForm title="办结先行救助" action={completeAction} hidden={{ caseId: id, version }} submit="提交办结结论" firstError="outcome">
      {(errors) => (
        <>
          <Field id="outcome" label="审核结论" error={errors.outcome}>
            {(a) => (
              <select {...a} name="outcome" value={outcome} onChange={(e) => setOutcome(e.target.value)} className={inputClass}>
                <option value="">请选择</option>
                <option value="confirmed">情况属实，予以办结</option>
                <option value="improper">救助不当，予以追回</option>
              </select>
            )}
          </Field>
          {textArea('note', '审核意见', errors)}
          {outcome === 'confirmed' && (
            <>
              {textInput('followUp', '追加救助金额（元，可不填）', errors)}
              <PaymentFields errors={errors} payee={payee} />
              {textArea('oneCaseNote', '一事一议说明（合计超过一般上限时必填）', errors)}
            </>
          )}
        </>
      )}
    </CaseForm>
  );
}

export function InvestigateCaseForm({ id, version, today }: Ref & { today: string }) {
  return (
    <CaseForm title="入户调查" action={investigateCaseAction} hidden={{ caseId: id, version }} submit="保存调查结果">
      {(errors) => (
        <>
          {textInput('investigator1', '调查人一', errors)}
          {textInput('investigator2', '调查人二', errors)}
          {dateInput('investigatedOn', '调查日期', errors, today)}
          {textArea('findings', '调查情况', errors)}
          <LateReasonField errors={errors} />
        </>
      )}
    </CaseForm>
  );
}

export function CaseNoticeForm({ id, version, today }: Ref & { today: string }) {
  return (
    <CaseForm title="张榜公示" action={caseNoticeAction} hidden={{ caseId: id, version }} submit="开始公示">
      {(errors) => (
        <>
          {dateInput('noticeStart', '公示开始日期', errors, today)}
          <p className="self-end text-sm text-slate-600">公示期从公示开始日期起算，补录不改变公示期。</p>
          <LateReasonField errors={errors} />
          <NoticeEvidenceField errors={errors} />
        </>
      )}
    </CaseForm>
  );
}

/** lateEntries: how many late entries (补录) of the case still wait for the decider's acknowledgment. */
export function DecideCaseForm({ id, version, payee, requested, lateEntries = 0 }: Ref & { payee: string; requested: string; lateEntries?: number }) {
  const [decision, setDecision] = useState('');
  return (
    <CaseForm title="审批" action={decideCaseAction} hidden={{ caseId: id, version }} submit="提交审批结果" firstError="decision">
      {(errors) => (
        <>
          <Field id="decision" label="审批结果" error={errors.decision}>
            {(a) => (
              <select {...a} name="decision" value={decision} onChange={(e) => setDecision(e.target.value)} className={inputClass}>
                <option value="">请选择</option>
                <option value="approve">批准</option>
                <option value="refuse">不予救助</option>
              </select>
            )}
          </Field>
          {decision === 'approve' && (
            <>
              {textInput('amount', '批准金额（元）', errors, 'amount', requested)}
              <PaymentFields errors={errors} payee={payee} />
              {textArea('oneCaseNote', '一事一议说明（超过一般上限时必填）', errors)}
            </>
          )}
          {textArea('reason', '审批意见（不予救助须写明理由）', errors)}
          <AcknowledgeField count={lateEntries} errors={errors} />
        </>
      )}
    </CaseForm>
  );
}
