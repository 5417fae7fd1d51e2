'use client';

import { useRef, useState } from 'react';
import { registerHouseholdAction } from '@/lib/households/actions';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { povertyCauses } from '@/lib/households/schemas';
import { BankAccountFields, HouseholdBasicFields, type TownshipVillages } from './household-basic-fields';
import { MemberFields } from './member-fields';
import { useFormAction } from '@/components/ui/use-form-action';
import { ErrorSummary } from '@/components/ui/error-summary';

export function RegisterHouseholdForm({ townships }: { townships: TownshipVillages[] }) {
  const { state, pending, onSubmit, errors } = useFormAction(registerHouseholdAction);
  const nextKey = useRef(1);
  const [rows, setRows] = useState<number[]>([0]);
  const [poor, setPoor] = useState(false);
  const [left, setLeft] = useState(false);
  const errorCount = Object.keys(errors).length;

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <ErrorSummary state={state} />
      <section aria-labelledby="h-basic" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3">
        <h2 id="h-basic" className="text-lg font-semibold md:col-span-3">家庭基本信息</h2>
        <HouseholdBasicFields townships={townships} errors={errors} />
      </section>

      <section aria-labelledby="h-poor" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3">
        <h2 id="h-poor" className="text-lg font-semibold md:col-span-3">建档立卡</h2>
        <div className="flex items-center gap-2">
          <input id="registeredPoor" type="checkbox" name="registeredPoor" checked={poor} onChange={(e) => setPoor(e.target.checked)} className="h-4 w-4" />
          <label htmlFor="registeredPoor">建档立卡户</label>
        </div>
        {poor && (
          <>
            <Field id="registeredPoorYear" label="建档年份 *" error={errors.registeredPoorYear}>
              {(a) => <input {...a} name="registeredPoorYear" inputMode="numeric" maxLength={4} className={inputClass} />}
            </Field>
            <fieldset className="md:col-span-3" aria-describedby={errors.povertyCauses ? 'povertyCauses-error' : undefined}>
              <legend className="text-sm font-medium">致贫原因 *</legend>
              <div className="mt-1 flex flex-wrap gap-4">
                {povertyCauses.map((c) => (
                  <label key={c} className="flex items-center gap-1 text-sm">
                    <input type="checkbox" name="povertyCauses" value={c} className="h-4 w-4" /> {c}
                  </label>
                ))}
              </div>
              {errors.povertyCauses && <p id="povertyCauses-error" className="mt-1 text-sm text-red-700">{errors.povertyCauses}</p>}
            </fieldset>
            <div className="flex items-center gap-2">
              <input id="leftPoverty" type="checkbox" name="leftPoverty" checked={left} onChange={(e) => setLeft(e.target.checked)} className="h-4 w-4" />
              <label htmlFor="leftPoverty">已脱贫</label>
            </div>
            {left && (
              <Field id="leftPovertyYear" label="脱贫年份 *" error={errors.leftPovertyYear}>
                {(a) => <input {...a} name="leftPovertyYear" inputMode="numeric" maxLength={4} className={inputClass} />}
              </Field>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="h-bank" className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4">
        <h2 id="h-bank" className="text-lg font-semibold md:col-span-4">救助金发放账户</h2>
        <BankAccountFields errors={errors} />
      </section>

      <section aria-labelledby="h-members" className="space-y-3 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="h-members" className="text-lg font-semibold">家庭成员</h2>
        {errors.members && <p className="text-sm text-red-700" role="alert">{errors.members}</p>}
        {rows.map((key, index) => (
          <MemberFields
            key={key}
            index={index}
            errors={errors}
            autoFocus={index > 0 && index === rows.length - 1}
            onRemove={rows.length > 1 ? () => setRows(rows.filter((k) => k !== key)) : undefined}
          />
        ))}
        <button type="button" onClick={() => setRows([...rows, nextKey.current++])} className="rounded border border-blue-700 px-3 py-1 text-sm text-blue-700">
          添加成员
        </button>
      </section>

      <div className="flex items-center gap-4">
        <button type="submit" disabled={pending} className={buttonClass}>
          {pending ? '正在保存…' : '登记'}
        </button>
        <p role="status" className="text-sm text-red-700">
          {state && !state.ok ? (errorCount > 0 ? `有 ${errorCount} 处需要修改，请查看标红的字段。` : state.message) : ''}
        </p>
      </div>
    </form>
  );
}
