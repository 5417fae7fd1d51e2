'use client';

import { addIncomeItemAction, endIncomeItemAction } from '@/lib/households/actions';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { todayInChina } from '@/lib/core/time';
import { incomeKinds } from '@/lib/households/income';
import { FormStatus, HouseholdRef, ReasonField, panelClass, useChangeForm } from './change-form';
import { ErrorSummary } from '@/components/ui/error-summary';

/** A dated monthly income of the household or one of its present members, typed in yuan. */
export function AddIncomeForm({
  householdId,
  version,
  members,
}: {
  householdId: string;
  version: number;
  members: { id: string; name: string }[];
}) {
  const { state, pending, onSubmit, errors, ref } = useChangeForm(addIncomeItemAction, true);
  return (
    <form ref={ref} onSubmit={onSubmit} noValidate aria-label="登记收入" className={panelClass}>
      <ErrorSummary state={state} />
      <HouseholdRef householdId={householdId} version={version} />
      <Field id="income-kind" label="收入类别" error={errors.kind}>
        {(a) => (
          <select {...a} name="kind" defaultValue="" className={inputClass}>
            <option value="">请选择</option>
            {Object.entries(incomeKinds).map(([v, l]) => (
              <option key={v} value={v}>{l}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="income-member" label="收入人" error={errors.memberId}>
        {(a) => (
          <select {...a} name="memberId" defaultValue="" className={inputClass}>
            <option value="">全家共同</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>{m.name}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="income-amount" label="月收入（元）" error={errors.amount}>
        {(a) => <input {...a} name="amount" inputMode="decimal" autoComplete="off" className={inputClass} />}
      </Field>
      <Field id="income-from" label="起始日期" error={errors.fromDate}>
        {(a) => <input {...a} type="date" name="fromDate" className={inputClass} />}
      </Field>
      <Field id="income-to" label="截止日期" error={errors.toDate} hint="仍在持续请留空">
        {(a) => <input {...a} type="date" name="toDate" className={inputClass} />}
      </Field>
      <div className="flex items-center gap-2 pt-6">
        <input id="income-excluded" type="checkbox" name="excluded" className="h-4 w-4" />
        <label htmlFor="income-excluded" className="text-sm">按政策不计入家庭收入</label>
      </div>
      <Field id="income-note" label="备注" error={errors.note}>
        {(a) => <input {...a} name="note" maxLength={200} className={inputClass} />}
      </Field>
      <ReasonField id="income-reason" errors={errors} />
      <div className="flex items-end">
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? '正在保存…' : '登记收入'}</button>
      </div>
      <FormStatus state={state} success={() => '收入已登记。'} visible={['memberId']} />
    </form>
  );
}

/** Ends a running income item on a date; the item stays for the months it applied. */
export function EndIncomeForm({
  householdId,
  version,
  items,
}: {
  householdId: string;
  version: number;
  items: { id: string; label: string }[];
}) {
  const { state, pending, onSubmit, errors, ref } = useChangeForm(endIncomeItemAction, true);
  const status = <FormStatus state={state} success={() => '收入已终止。'} visible={['itemId']} />;
  // The last running item just ended: keep the confirmation where the user is looking.
  if (items.length === 0) {
    return (
      <div className={panelClass}>
        <p className="text-sm md:col-span-3">没有正在持续的收入。</p>
        {status}
      </div>
    );
  }
  return (
    <form ref={ref} onSubmit={onSubmit} noValidate aria-label="终止收入" className={panelClass}>
      <ErrorSummary state={state} />
      <HouseholdRef householdId={householdId} version={version} />
      <Field id="income-end-item" label="收入项目" error={errors.itemId}>
        {(a) => (
          <select {...a} name="itemId" defaultValue="" className={inputClass}>
            <option value="">请选择</option>
            {items.map((i) => (
              <option key={i.id} value={i.id}>{i.label}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="income-end-date" label="截止日期" error={errors.toDate}>
        {(a) => <input {...a} type="date" name="toDate" defaultValue={todayInChina()} className={inputClass} />}
      </Field>
      <ReasonField id="income-end-reason" errors={errors} />
      <div className="flex items-end">
        <button type="submit" disabled={pending} className={buttonClass}>{pending ? '正在保存…' : '终止收入'}</button>
      </div>
      {status}
    </form>
  );
}
