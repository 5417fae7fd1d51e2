'use client';

import { CaseForm, dateInput, textInput } from '@/components/temp-aid/case-forms';
import { Field, inputClass } from '@/components/ui/field';
import { admitResidentAction, createInstitutionAction, dischargeResidentAction } from '@/lib/institutions/actions';
import { dischargeReasonLabels, institutionKindLabels, institutionStatusLabels } from '@/lib/institutions/labels';

export function InstitutionForm({ townships }: { townships: { code: string; name: string }[] }) {
  return (
    <CaseForm title="登记供养机构" action={createInstitutionAction} hidden={{}} submit="保存机构">
      {(errors) => (
        <>
          {textInput('name', '机构名称', errors)}
          <Field id="townshipCode" label="所在乡镇" error={errors.townshipCode}>
            {(a) => (
              <select {...a} name="townshipCode" defaultValue="" className={inputClass}>
                <option value="">请选择</option>
                {townships.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
              </select>
            )}
          </Field>
          {textInput('address', '地址', errors)}
          {textInput('capacity', '核定床位', errors)}
          <Field id="kind" label="机构性质" error={errors.kind}>
            {(a) => (
              <select {...a} name="kind" defaultValue="" className={inputClass}>
                <option value="">请选择</option>
                {Object.entries(institutionKindLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
            )}
          </Field>
          <Field id="status" label="运营状态" error={errors.status}>
            {(a) => (
              <select {...a} name="status" defaultValue="operating" className={inputClass}>
                {Object.entries(institutionStatusLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
            )}
          </Field>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="medicalCare" /> 医养结合
          </label>
          <span />
          {textInput('bankName', '开户银行', errors)}
          {textInput('bankAccountHolder', '账户名称', errors)}
          {textInput('bankAccount', '对公账号', errors)}
        </>
      )}
    </CaseForm>
  );
}

export function AdmitForm({ institutionId, today }: { institutionId: string; today: string }) {
  return (
    <CaseForm title="办理入住" action={admitResidentAction} hidden={{ institutionId }} submit="办理入住" firstError="idNumber">
      {(errors) => (
        <>
          {textInput('idNumber', '特困人员身份证号', errors)}
          {dateInput('admittedOn', '入住日期', errors, today)}
        </>
      )}
    </CaseForm>
  );
}

export function DischargeForm({ placementId, name, today }: { placementId: string; name: string; today: string }) {
  return (
    <CaseForm title={`${name} 办理离院`} action={dischargeResidentAction} hidden={{ placementId }} submit="办理离院" firstError="dischargedOn">
      {(errors) => (
        <>
          {dateInput('dischargedOn', '离院日期', errors, today)}
          <Field id={`reason-${placementId}`} label="离院原因" error={errors.reason}>
            {(a) => (
              <select {...a} name="reason" defaultValue="" className={inputClass}>
                <option value="">请选择</option>
                {Object.entries(dischargeReasonLabels).map(([v, l]) => <option key={v} value={v}>{l}</option>)}
              </select>
            )}
          </Field>
          {textInput(`note-${placementId}`, '说明', errors, 'note')}
        </>
      )}
    </CaseForm>
  );
}
