'use client';

import { useState } from 'react';
import { updateHouseholdAction } from '@/lib/households/actions';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { householdKinds, povertyCauses } from '@/lib/households/schemas';
import { FormStatus, HouseholdRef, ReasonField, panelClass, useChangeForm } from './change-form';
import { ErrorSummary } from '@/components/ui/error-summary';

export interface HouseholdDefaults {
  id: string;
  version: number;
  address: string;
  kind: 'urban' | 'rural';
  phone: string | null;
  registeredPoor: boolean;
  registeredPoorYear: number | null;
  povertyCauses: string[] | null;
  leftPoverty: boolean;
  leftPovertyYear: number | null;
  bankName: string | null;
  bankAccountKind: 'card' | 'passbook' | null;
  bankAccountMasked: string;
  bankAccountHolder: string | null;
}

/** The household's own fields; the bank account is only sent when the user chooses to replace it. */
export function EditHouseholdForm({ household: h }: { household: HouseholdDefaults }) {
  const { state, pending, onSubmit, errors } = useChangeForm(updateHouseholdAction);
  const [poor, setPoor] = useState(h.registeredPoor);
  const [left, setLeft] = useState(h.leftPoverty);
  const [bank, setBank] = useState(false);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="修改家庭信息" className={panelClass}>
      <ErrorSummary state={state} />
      <HouseholdRef householdId={h.id} version={h.version} />
      <Field id="edit-h-address" label="住址" error={errors.address}>
        {(a) => <input {...a} name="address" defaultValue={h.address} className={inputClass} />}
      </Field>
      <Field id="edit-h-kind" label="城乡类别" error={errors.kind}>
        {(a) => (
          <select {...a} name="kind" defaultValue={h.kind} className={inputClass}>
            {Object.entries(householdKinds).map(([v, l]) => (
              <option key={v} value={v}>{l}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="edit-h-phone" label="联系电话" error={errors.phone}>
        {(a) => <input {...a} name="phone" type="tel" defaultValue={h.phone ?? ''} className={inputClass} />}
      </Field>
      <div className="flex items-center gap-2">
        <input id="edit-h-poor" type="checkbox" name="registeredPoor" checked={poor} onChange={(e) => setPoor(e.target.checked)} className="h-4 w-4" />
        <label htmlFor="edit-h-poor" className="text-sm">建档立卡户</label>
      </div>
      {poor && (
        <>
          <Field id="edit-h-poorYear" label="建档年份" error={errors.registeredPoorYear}>
            {(a) => <input {...a} name="registeredPoorYear" inputMode="numeric" maxLength={4} defaultValue={h.registeredPoorYear ?? ''} className={inputClass} />}
          </Field>
          <fieldset className="md:col-span-3" aria-describedby={errors.povertyCauses ? 'edit-h-causes-error' : undefined}>
            <legend className="text-sm font-medium">致贫原因</legend>
            <div className="mt-1 flex flex-wrap gap-4">
              {povertyCauses.map((c) => (
                <label key={c} className="flex items-center gap-1 text-sm">
                  <input type="checkbox" name="povertyCauses" value={c} defaultChecked={h.povertyCauses?.includes(c)} className="h-4 w-4" /> {c}
                </label>
              ))}
            </div>
            {errors.povertyCauses && <p id="edit-h-causes-error" className="mt-1 text-sm text-red-700">{errors.povertyCauses}</p>}
          </fieldset>
          <div className="flex items-center gap-2">
            <input id="edit-h-left" type="checkbox" name="leftPoverty" checked={left} onChange={(e) => setLeft(e.target.checked)} className="h-4 w-4" />
            <label htmlFor="edit-h-left" className="text-sm">已脱贫</label>
          </div>
          {left && (
            <Field id="edit-h-leftYear" label="脱贫年份" error={errors.leftPovertyYear}>
              {(a) => <input {...a} name="leftPovertyYear" inputMode="numeric" maxLength={4} defaultValue={h.leftPovertyYear ?? ''} className={inputClass} />}
            </Field>
          )}
        </>
      )}
      {errors.leftPoverty && <p className="text-sm text-red-700 md:col-span-3">{errors.leftPoverty}</p>}
      <div className="flex items-center gap-2 md:col-span-3">
        <input id="edit-h-bank" type="checkbox" name="changeBank" checked={bank} onChange={(e) => setBank(e.target.checked)} className="h-4 w-4" />
        <label htmlFor="edit-h-bank" className="text-sm">
          更换发放账户（当前：{h.bankName ? `${h.bankName} ${h.bankAccountMasked}，${h.bankAccountHolder}` : '未登记'}）
        </label>
      </div>
      {bank && (
        <>
          <p className="text-sm text-amber-800 md:col-span-3">新账户须由您以外的经办人或审核审批人复核后才发放；复核前本户的发放明细受阻。</p>
          <Field id="edit-h-bankName" label="开户银行" error={errors['bank.bankName']} hint="四项都留空表示取消发放账户">
            {(a) => <input {...a} name="bank.bankName" defaultValue={h.bankName ?? ''} className={inputClass} />}
          </Field>
          <Field id="edit-h-accountKind" label="账户类型" error={errors['bank.accountKind']}>
            {(a) => (
              <select {...a} name="bank.accountKind" defaultValue={h.bankAccountKind ?? ''} className={inputClass}>
                <option value="">请选择</option>
                <option value="card">银行卡</option>
                <option value="passbook">存折</option>
              </select>
            )}
          </Field>
          <Field id="edit-h-account" label="新账号" error={errors['bank.account']}>
            {(a) => <input {...a} name="bank.account" inputMode="numeric" autoComplete="off" className={`${inputClass} font-mono`} />}
          </Field>
          <Field id="edit-h-holder" label="开户人" error={errors['bank.holder']}>
            {(a) => <input {...a} name="bank.holder" defaultValue={h.bankAccountHolder ?? ''} className={inputClass} />}
          </Field>
        </>
      )}
      <ReasonField id="edit-h-reason" errors={errors} />
      <div className="flex items-end">
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? '正在保存…' : '保存'}</button>
      </div>
      <FormStatus state={state} success={(d) => (d.changed ? '已保存。' : '没有变化。')} />
    </form>
  );
}
