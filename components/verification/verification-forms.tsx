'use client';

import { useRouter } from 'next/navigation';
import { useRef, useState } from 'react';
import { DataTable } from '@/components/ui/data-table';
import { ErrorSummary } from '@/components/ui/error-summary';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { ActionResult } from '@/lib/core/errors';
import { addSupporterAction, recordConsentAction, requestVerificationAction, withdrawConsentAction } from '@/lib/verification/actions';
import { supporterRelationLabels } from '@/lib/verification/labels';

type Action = (prev: unknown, formData: FormData) => Promise<ActionResult<unknown>>;

function SmallForm({ title, action, applicationId, submit, children }: { title: string; action: Action; applicationId: string; submit: string; children: (errors: Record<string, string>) => React.ReactNode }) {
  const { state, pending, onSubmit, errors } = useFormAction(action);
  return (
    <form onSubmit={onSubmit} noValidate aria-label={title} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2">
      <ErrorSummary state={state} />
      <h3 className="font-semibold md:col-span-2">{title}</h3>
      <input type="hidden" name="applicationId" value={applicationId} />
      {children(errors)}
      <div className="flex items-center gap-3 md:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass}>{submit}</button>
        <p role="status" className="text-sm">{state?.ok ? '已保存。' : state ? <span className="text-red-700">{errors._form ?? state.message}</span> : null}</p>
      </div>
    </form>
  );
}

export function SupporterForm({ applicationId }: { applicationId: string }) {
  return (
    <SmallForm title="登记法定赡养（抚养、扶养）人" action={addSupporterAction} applicationId={applicationId} submit="登记赡养人">
      {(errors) => (
        <>
          <Field id="supporter-name" label="赡养人姓名" error={errors.name}>{(a) => <input {...a} name="name" className={inputClass} />}</Field>
          <Field id="supporter-id" label="赡养人身份证号" error={errors.idNumber}>{(a) => <input {...a} name="idNumber" className={inputClass} />}</Field>
          <Field id="supporter-relation" label="法定义务类别" error={errors.relation}>
            {(a) => (
              <select {...a} name="relation" className={inputClass} defaultValue="shanyang">
                {Object.entries(supporterRelationLabels).map(([k, v]) => <option key={k} value={k}>{v}</option>)}
              </select>
            )}
          </Field>
          <Field id="supporter-relation-text" label="与申请人关系" error={errors.relationText} hint="如 子女、父母、配偶">{(a) => <input {...a} name="relationText" className={inputClass} />}</Field>
        </>
      )}
    </SmallForm>
  );
}

export function ConsentForm({ applicationId, today, members, supporters }: { applicationId: string; today: string; members: { id: string; name: string; adult: boolean }[]; supporters: { id: string; name: string }[] }) {
  return (
    <SmallForm title="登记核对授权书" action={recordConsentAction} applicationId={applicationId} submit="登记授权书">
      {(errors) => (
        <>
          <Field id="signedOn" label="签署日期" error={errors.signedOn}>{(a) => <input {...a} name="signedOn" type="date" defaultValue={today} className={inputClass} />}</Field>
          <fieldset className="md:col-span-2" aria-describedby={errors.memberIds ? 'memberIds-error' : undefined}>
            <legend className="text-sm font-medium">签字人（成年家庭成员和法定赡养人均须签字）</legend>
            <div id="memberIds" tabIndex={-1} className="mt-1 flex flex-wrap gap-4">
              {members.map((m) => (
                <label key={m.id} className="flex items-center gap-1 text-sm">
                  <input type="checkbox" name="memberIds" value={m.id} defaultChecked={m.adult} /> {m.name}{m.adult ? '' : '（未成年）'}
                </label>
              ))}
              {supporters.map((s) => (
                <label key={s.id} className="flex items-center gap-1 text-sm">
                  <input type="checkbox" name="supporterIds" value={s.id} defaultChecked /> {s.name}（赡养人）
                </label>
              ))}
            </div>
            {errors.memberIds && <p id="memberIds-error" className="mt-1 text-sm text-red-700">{errors.memberIds}</p>}
          </fieldset>
        </>
      )}
    </SmallForm>
  );
}

export function WithdrawConsentForm({ applicationId, today }: { applicationId: string; today: string }) {
  return (
    <SmallForm title="撤回核对授权" action={withdrawConsentAction} applicationId={applicationId} submit="登记撤回">
      {(errors) => (
        <>
          <Field id="withdrawnOn" label="撤回日期" error={errors.withdrawnOn}>{(a) => <input {...a} name="withdrawnOn" type="date" defaultValue={today} className={inputClass} />}</Field>
          <Field id="withdraw-reason" label="撤回原因" error={errors.reason}>{(a) => <textarea {...a} name="reason" rows={2} className={inputClass} />}</Field>
        </>
      )}
    </SmallForm>
  );
}

export function RequestForm({ applicationId }: { applicationId: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(requestVerificationAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="发起核对" className="flex flex-wrap items-center gap-3">
      <ErrorSummary state={state} />
      <input type="hidden" name="applicationId" value={applicationId} />
      <button type="submit" disabled={pending} className={buttonClass}>发起家庭经济状况核对</button>
      <p role="status" className="text-sm">{state?.ok ? '已发起核对。' : state ? <span className="text-red-700">{errors._form ?? state.message}</span> : null}</p>
    </form>
  );
}

interface RowError {
  row: number;
  message: string;
}
type State = { kind: 'idle'; message?: string } | { kind: 'running' } | { kind: 'done'; lines: number; completed: boolean } | { kind: 'failed'; message: string; errors: RowError[]; totalErrors: number };

/** Uploads one department's answer; a file that does not match the request comes back with every bad row. */
export function AnswerForm({ requestId, departments }: { requestId: string; departments: { code: string; name: string }[] }) {
  const [state, setState] = useState<State>({ kind: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  const select = useRef<HTMLSelectElement>(null);
  const router = useRouter();
  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) return setState({ kind: 'idle', message: '请先选择部门返回的核对结果文件' });
    setState({ kind: 'running' });
    const body = new FormData();
    body.set('department', select.current?.value ?? '');
    body.set('file', file);
    try {
      const res = await fetch(`/api/verification/${requestId}/answer`, { method: 'POST', body });
      const data = (await res.json()) as Record<string, unknown>;
      if (data.ok === true) {
        setState({ kind: 'done', lines: Number(data.lines), completed: data.completed === true });
        router.refresh();
      } else {
        setState({ kind: 'failed', message: String(data.message ?? '导入失败'), errors: (data.errors as RowError[]) ?? [], totalErrors: Number(data.totalErrors ?? 0) });
      }
    } catch {
      setState({ kind: 'failed', message: '网络异常，未能导入；请重试', errors: [], totalErrors: 0 });
    }
  }
  return (
    <div className="space-y-2">
      <form onSubmit={onSubmit} noValidate aria-label="导入核对结果" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="answer-department" className="block text-sm font-medium">核对部门</label>
          <select ref={select} id="answer-department" className={inputClass}>
            {departments.map((d) => <option key={d.code} value={d.code}>{d.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor="answer-file" className="block text-sm font-medium">核对结果文件（CSV）</label>
          <input ref={input} id="answer-file" type="file" accept=".csv" className={inputClass} disabled={state.kind === 'running'} />
        </div>
        <button type="submit" className={buttonClass} disabled={state.kind === 'running'}>导入核对结果</button>
      </form>
      <div role="status" aria-live="polite" className="text-sm">
        {state.kind === 'idle' && state.message && <p className="text-red-700">{state.message}</p>}
        {state.kind === 'running' && <p>正在检查核对结果文件…</p>}
        {state.kind === 'done' && <p className="rounded border border-green-300 bg-green-50 p-2 text-green-900">已导入 {state.lines} 行。{state.completed ? '各部门均已回复，核对完成。' : ''}</p>}
        {state.kind === 'failed' && <p className="rounded border border-red-300 bg-red-50 p-2 text-red-900">{state.message}</p>}
      </div>
      {state.kind === 'failed' && state.errors.length > 0 && (
        <DataTable
          caption={`核对结果文件错误明细${state.totalErrors > state.errors.length ? `（前 ${state.errors.length} 处，共 ${state.totalErrors} 处）` : ''}`}
          rows={state.errors.slice(0, 200)}
          rowKey={(e, i) => `${e.row}-${i}`}
          columns={[
            { key: 'row', header: '行号', className: 'font-mono', cell: (e) => e.row },
            { key: 'message', header: '原因', cell: (e) => e.message },
          ]}
        />
      )}
    </div>
  );
}
