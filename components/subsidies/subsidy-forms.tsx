'use client';

import { useState } from 'react';
import { CaseForm, dateInput, textArea, textInput } from '@/components/temp-aid/case-forms';
import { useConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, inputClass } from '@/components/ui/field';
import { formatFen } from '@/lib/core/format';
import { acceptSubsidyAction, decideSubsidyAction, verifySubsidyAction } from '@/lib/subsidies/actions';
import { subsidyProgramLabels } from '@/lib/subsidies/labels';
import { disabilityKindDigits } from '@/lib/subsidies/rules';

/** 受理: which subsidy, the date, and for the care subsidy whether long-term care is needed. */
export function AcceptSubsidyForm({ memberId, today }: { memberId: string; today: string }) {
  const [program, setProgram] = useState('');
  return (
    <CaseForm title="受理" action={acceptSubsidyAction} hidden={{ memberId }} submit="受理申请" firstError="program">
      {(errors) => (
        <>
          <Field id="program" label="补贴类别" error={errors.program}>
            {(a) => (
              <select {...a} name="program" value={program} onChange={(e) => setProgram(e.target.value)} className={inputClass}>
                <option value="">请选择</option>
                {Object.entries(subsidyProgramLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
            )}
          </Field>
          {dateInput('acceptedOn', '受理日期', errors, today)}
          {program === 'dis_care' && (
            <div className="flex items-center gap-2 md:col-span-2">
              <input id="needsLongTermCare" type="checkbox" name="needsLongTermCare" className="h-4 w-4" />
              <label htmlFor="needsLongTermCare">经评定需要长期照护</label>
            </div>
          )}
        </>
      )}
    </CaseForm>
  );
}

/** 证件核验: the number, kind, grade and valid-until date read from the 残疾人证. */
export function VerifySubsidyForm({ app, today, kind, grade }: { app: { id: string; version: number }; today: string; kind: string | null; grade: number | null }) {
  return (
    <CaseForm title="证件核验" action={verifySubsidyAction} hidden={{ applicationId: app.id, version: app.version }} submit="核验通过" firstError="certificateNumber">
      {(errors) => (
        <>
          {textInput('certificateNumber', '残疾人证号', errors, 'certificateNumber', undefined, '20 位：身份证号 18 位，加残疾类别 1 位、等级 1 位')}
          <Field id="certificateKind" label="残疾类别" error={errors.certificateKind}>
            {(a) => (
              <select {...a} name="certificateKind" defaultValue={kind ?? ''} className={inputClass}>
                <option value="">请选择</option>
                {disabilityKindDigits.map((k) => <option key={k} value={k}>{k}</option>)}
              </select>
            )}
          </Field>
          <Field id="certificateGrade" label="残疾等级" error={errors.certificateGrade}>
            {(a) => (
              <select {...a} name="certificateGrade" defaultValue={grade ?? ''} className={inputClass}>
                <option value="">请选择</option>
                {[1, 2, 3, 4].map((g) => <option key={g} value={g}>{g} 级</option>)}
              </select>
            )}
          </Field>
          {dateInput('validUntil', '证件有效期至', errors, '')}
          {dateInput('verifiedOn', '核验日期', errors, today)}
        </>
      )}
    </CaseForm>
  );
}

/** 审批: approve (confirmed with the amount and the first month) or refuse with the reason. */
export function DecideSubsidyForm({ app, program, memberName, amountFen, startMonth }: { app: { id: string; version: number }; program: keyof typeof subsidyProgramLabels; memberName: string; amountFen: number | null; startMonth: string }) {
  const { ask, dialog } = useConfirmDialog();
  const confirm = (data: FormData) =>
    data.get('decision') !== 'approve'
      ? true
      : ask({
          title: '确认审批',
          message: `批准${memberName}享受${subsidyProgramLabels[program]}，${amountFen === null ? '按政策标准' : `每月 ${formatFen(amountFen)}`}，自 ${startMonth} 起发放。`,
          confirmLabel: '确认批准',
        });
  return (
    <CaseForm title="审批" action={decideSubsidyAction} hidden={{ applicationId: app.id, version: app.version }} submit="提交审批意见" firstError="decision" confirm={{ ask: confirm, dialog }}>
      {(errors) => (
        <>
          <Field id="decision" label="审批意见" error={errors.decision}>
            {(a) => (
              <select {...a} name="decision" defaultValue="" className={inputClass}>
                <option value="">请选择</option>
                <option value="approve">批准</option>
                <option value="refuse">不予批准</option>
              </select>
            )}
          </Field>
          {textArea('reason', '审批理由', errors)}
        </>
      )}
    </CaseForm>
  );
}
