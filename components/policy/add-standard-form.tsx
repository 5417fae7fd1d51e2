'use client';

import { addStandardAction } from '@/lib/policy/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { standardComponents } from '@/lib/policy/components';
import { ErrorSummary } from '@/components/ui/error-summary';

export function AddStandardForm({ regions }: { regions: { code: string; name: string }[] }) {
  const { state, pending, onSubmit, errors } = useFormAction(addStandardAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="h-add-standard" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-5">
      <ErrorSummary state={state} />
      <h2 id="h-add-standard" className="font-semibold md:col-span-5">新增标准（调整即新增一条，不改写历史）</h2>
      <Field id="std-key" label="标准项目" error={errors.key}>
        {(a) => (
          <select {...a} name="key" defaultValue="" className={inputClass}>
            <option value="">请选择</option>
            {standardComponents.map((c) => (
              <option key={`${c.program}/${c.component}`} value={`${c.program}/${c.component}`}>
                {c.label}{c.unit ? `（${c.unit}）` : ''}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="std-region" label="适用区划" error={errors.regionCode}>
        {(a) => (
          <select {...a} name="regionCode" defaultValue={regions[0]?.code} className={inputClass}>
            {regions.map((r) => <option key={r.code} value={r.code}>{r.name}</option>)}
          </select>
        )}
      </Field>
      <Field id="std-from" label="生效日期" error={errors.effectiveFrom}>
        {(a) => <input {...a} name="effectiveFrom" type="date" className={inputClass} />}
      </Field>
      <Field id="std-value" label="数值" error={errors.value} hint="金额填元，比例填百分数">
        {(a) => <input {...a} name="value" className={inputClass} />}
      </Field>
      <Field id="std-note" label="依据或说明" error={errors.note}>
        {(a) => <input {...a} name="note" className={inputClass} />}
      </Field>
      <div className="flex items-center gap-3 md:col-span-5">
        <button type="submit" disabled={pending} className={buttonClass}>保存标准</button>
        <p role="status" className="text-sm">{state?.ok ? '已新增。' : state ? <span className="text-red-700">{state.message}</span> : null}</p>
      </div>
    </form>
  );
}
