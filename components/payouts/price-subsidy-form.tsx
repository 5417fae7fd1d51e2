'use client';

import { declarePriceSubsidyAction } from '@/lib/payouts/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { ErrorSummary } from '@/components/ui/error-summary';

const programs = [
  ['dibao', '最低生活保障'],
  ['tekun', '特困人员救助供养'],
  ['dis_living', '困难残疾人生活补贴'],
  ['dis_care', '重度残疾人护理补贴'],
] as const;

export function PriceSubsidyForm({ regions, defaultMonth }: { regions: { code: string; name: string }[]; defaultMonth: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(declarePriceSubsidyAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="发布价格临时补贴" className="grid gap-3 rounded border border-slate-200 bg-white p-4 md:grid-cols-2">
      <ErrorSummary state={state} />
      <Field id="ps-month" label="补贴月份" error={errors.month}>
        {(a) => <input {...a} name="month" type="month" defaultValue={defaultMonth} className={inputClass} />}
      </Field>
      <Field id="ps-region" label="地区" error={errors.regionCode}>
        {(a) => (
          <select {...a} name="regionCode" className={inputClass}>
            {regions.map((r) => (
              <option key={r.code} value={r.code}>{r.name}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="ps-amount" label="每人金额（元）" error={errors.perPerson}>
        {(a) => <input {...a} name="perPerson" inputMode="decimal" className={inputClass} />}
      </Field>
      <Field id="ps-note" label="文件依据" error={errors.note}>
        {(a) => <input {...a} name="note" className={inputClass} />}
      </Field>
      <fieldset className="md:col-span-2" aria-describedby={errors.programs ? 'ps-programs-error' : undefined}>
        <legend className="text-sm font-medium">发放对象（所选项目的在保人员）</legend>
        <div className="mt-1 flex flex-wrap gap-4">
          {programs.map(([code, label]) => (
            <label key={code} className="flex items-center gap-1 text-sm">
              <input type="checkbox" name="programs" value={code} defaultChecked={code === 'dibao' || code === 'tekun'} /> {label}
            </label>
          ))}
        </div>
        {errors.programs && <p id="ps-programs-error" className="mt-1 text-sm text-red-700">{errors.programs}</p>}
      </fieldset>
      <div className="flex items-center gap-3 md:col-span-2">
        <button type="submit" disabled={pending} className={buttonClass}>发布补贴</button>
        <p role="status" className="text-sm">{state?.ok ? '已发布，生成该月发放批次时按人计发。' : state ? <span className="text-red-700">{errors._form ?? state.message}</span> : null}</p>
      </div>
    </form>
  );
}
