'use client';

import { CaseForm, dateInput, textArea } from '@/components/temp-aid/case-forms';
import { Field, inputClass } from '@/components/ui/field';
import { assignComplaintAction, complaintNoteAction, complaintOutcomeAction, complaintReplyAction } from '@/lib/complaints/actions';
import { outcomeLabels, replyMethodLabels } from '@/lib/complaints/labels';

type Target = { id: string; version: number };

export function AssignForm({ c, candidates }: { c: Target; candidates: { id: string; name: string; role: string }[] }) {
  return (
    <CaseForm title="交办" action={assignComplaintAction} hidden={{ complaintId: c.id, version: c.version }} submit="交办" firstError="handlerId">
      {(errors) => (
        <Field id="handlerId" label="承办人" error={errors.handlerId}>
          {(a) => (
            <select {...a} name="handlerId" defaultValue="" className={inputClass}>
              <option value="">请选择</option>
              {candidates.map((u) => <option key={u.id} value={u.id}>{u.name}（{u.role === 'supervisor' ? '审核审批人' : '经办人'}）</option>)}
            </select>
          )}
        </Field>
      )}
    </CaseForm>
  );
}

export function NoteForm({ c, today }: { c: Target; today: string }) {
  return (
    <CaseForm title="登记调查核实情况" action={complaintNoteAction} hidden={{ complaintId: c.id }} submit="保存调查记录">
      {(errors) => (
        <>
          {dateInput('notedOn', '调查日期', errors, today)}
          {textArea('text', '调查核实情况', errors)}
        </>
      )}
    </CaseForm>
  );
}

export function OutcomeForm({ c }: { c: Target }) {
  return (
    <CaseForm title="认定办理结果" action={complaintOutcomeAction} hidden={{ complaintId: c.id, version: c.version }} submit="保存办理结果">
      {(errors) => (
        <>
          <Field id="outcome" label="办理结果" error={errors.outcome}>
            {(a) => (
              <select {...a} name="outcome" defaultValue="" className={inputClass}>
                <option value="">请选择</option>
                {Object.entries(outcomeLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
            )}
          </Field>
          {textArea('outcomeText', '结果说明', errors)}
        </>
      )}
    </CaseForm>
  );
}

export function ReplyForm({ c, today }: { c: Target; today: string }) {
  return (
    <CaseForm title="答复投诉人并办结" action={complaintReplyAction} hidden={{ complaintId: c.id, version: c.version }} submit="答复并办结">
      {(errors) => (
        <>
          {dateInput('replyOn', '答复日期', errors, today)}
          <Field id="replyMethod" label="答复方式" error={errors.replyMethod}>
            {(a) => (
              <select {...a} name="replyMethod" defaultValue="" className={inputClass}>
                <option value="">请选择</option>
                {Object.entries(replyMethodLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
            )}
          </Field>
          <div className="md:col-span-2">{textArea('replyText', '答复内容', errors)}</div>
        </>
      )}
    </CaseForm>
  );
}
