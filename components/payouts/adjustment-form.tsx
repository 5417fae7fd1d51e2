'use client';

import { useState } from 'react';
import { addAdjustmentAction } from '@/lib/payouts/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { ErrorSummary } from '@/components/ui/error-summary';

/** 补发 or 扣回 for one of the household's enrollments, with its reason. */
export function AdjustmentForm({ enrollments, nextMonth }: { enrollments: { id: string; label: string }[]; nextMonth: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(addAdjustmentAction);
  const [kind, setKind] = useState('arrears');
  return (
    <form onSubmit={onSubmit} noValidate aria-label="补发或扣回" className="mt-2 grid gap-3 rounded border border-slate-200 bg-white p-3 md:grid-cols-3">
      <ErrorSummary state={state} />
      <Field id="adj-enrollment" label="救助项目" error={errors.enrollmentId}>
        {(a) => (
          <select {...a} name="enrollmentId" className={inputClass}>
            {enrollments.map((e) => (
              <option key={e.id} value={e.id}>{e.label}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="adj-kind" label="调整类型" error={errors.kind}>
        {(a) => (
          <select {...a} name="kind" value={kind} onChange={(e) => setKind(e.target.value)} className={inputClass}>
            <option value="arrears">补发（漏发月份）</option>
            <option value="recovery">扣回（多发追回）</option>
          </select>
        )}
      </Field>
      <Field id="adj-start" label={kind === 'arrears' ? '随哪个月发放' : '从哪个月开始扣回'} error={errors.startMonth}>
        {(a) => <input {...a} name="startMonth" type="month" defaultValue={nextMonth} className={inputClass} />}
      </Field>
      {kind === 'arrears' && (
        <Field id="adj-for" label="漏发的月份" error={errors.forMonth}>
          {(a) => <input {...a} name="forMonth" type="month" className={inputClass} />}
        </Field>
      )}
      <Field id="adj-amount" label={kind === 'arrears' ? '补发金额（元）' : '应扣回总额（元）'} error={errors.amount}>
        {(a) => <input {...a} name="amount" inputMode="decimal" className={inputClass} />}
      </Field>
      {kind === 'recovery' && (
        <>
          <Field id="adj-per" label="每月扣回（元）" error={errors.perMonth}>
            {(a) => <input {...a} name="perMonth" inputMode="decimal" className={inputClass} />}
          </Field>
          <Field id="adj-floor" label="每月至少发放（元）" error={errors.floor} hint="扣回后当月实发不低于此数">
            {(a) => <input {...a} name="floor" inputMode="decimal" defaultValue="0" className={inputClass} />}
          </Field>
        </>
      )}
      <Field id="adj-reason" label="原因" error={errors.reason}>
        {(a) => <input {...a} name="reason" className={inputClass} />}
      </Field>
      <div className="flex items-center gap-3 md:col-span-3">
        <button type="submit" disabled={pending} className={buttonClass}>登记调整</button>
        <p role="status" className="text-sm">
          {state?.ok ? '已登记，生成该月发放批次时计入。' : state ? <span className="text-red-700">{errors._form ?? state.message}</span> : null}
        </p>
      </div>
    </form>
  );
}
