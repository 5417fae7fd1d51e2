'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { startRunAction } from '@/lib/payouts/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { GenerationProgress } from './generation-progress';

export function StartRunForm({ counties, defaultMonth }: { counties: { code: string; name: string }[]; defaultMonth: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(startRunAction);
  const [county, setCounty] = useState(counties[0]?.code ?? '');
  const [month, setMonth] = useState(defaultMonth);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) router.push(`/payouts/${state.data.runId}`);
  }, [state, router]);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="生成发放批次" className="grid gap-3 rounded border border-slate-200 bg-white p-4 md:grid-cols-3">
      <Field id="run-county" label="县（区）" error={errors.countyCode}>
        {(a) => (
          <select {...a} name="countyCode" value={county} onChange={(e) => setCounty(e.target.value)} className={inputClass}>
            {counties.map((c) => (
              <option key={c.code} value={c.code}>{c.name}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="run-month" label="发放月份" error={errors.month}>
        {(a) => <input {...a} name="month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} className={inputClass} />}
      </Field>
      <div className="flex items-end">
        <button type="submit" disabled={pending} className={buttonClass}>生成发放批次</button>
      </div>
      <div className="md:col-span-3">
        <GenerationProgress active={pending} county={county} month={month} />
        {state && !state.ok && <p role="alert" className="text-sm text-red-700">{errors._form ?? errors.month ?? state.message}</p>}
      </div>
    </form>
  );
}
