'use client';

import { fundMovementAction } from '@/lib/temp-aid/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { formatFen } from '@/lib/core/format';
import { LateReasonField } from '@/components/late-entries/late-fields';
import { ErrorSummary } from '@/components/ui/error-summary';

/** The county's allocation, top-up or return of a township's reserve fund. */
export function FundMovementForm({ townships, today }: { townships: { code: string; name: string }[]; today: string }) {
  const { state, pending, onSubmit, errors } = useFormAction(fundMovementAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="备用金拨付" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4">
      <ErrorSummary state={state} />
      <h2 className="font-semibold md:col-span-4">拨付、补充或上缴</h2>
      <Field id="townshipCode" label="乡镇" error={errors.townshipCode}>
        {(a) => (
          <select {...a} name="townshipCode" defaultValue="" className={inputClass}>
            <option value="">请选择</option>
            {townships.map((t) => <option key={t.code} value={t.code}>{t.name}</option>)}
          </select>
        )}
      </Field>
      <Field id="fundKind" label="类型" error={errors.kind}>
        {(a) => (
          <select {...a} name="kind" defaultValue="allocation" className={inputClass}>
            <option value="allocation">县级拨付</option>
            <option value="top_up">补充</option>
            <option value="return">上缴县级</option>
          </select>
        )}
      </Field>
      <Field id="fundAmount" label="金额（元）" error={errors.amount}>
        {(a) => <input {...a} name="amount" inputMode="decimal" autoComplete="off" className={inputClass} />}
      </Field>
      <Field id="fundNote" label="说明（如拨付文号）" error={errors.note}>
        {(a) => <input {...a} name="note" className={inputClass} />}
      </Field>
      <Field id="movedOn" label="拨付（上缴）日期" error={errors.movedOn}>
        {(a) => <input {...a} name="movedOn" type="date" defaultValue={today} className={inputClass} />}
      </Field>
      <div className="md:col-span-3">
        <LateReasonField errors={errors} id="fundLateReason" />
      </div>
      <div className="flex items-center gap-3 md:col-span-4">
        <button type="submit" disabled={pending} className={buttonClass}>记账</button>
        <p role="status" className="text-sm">
          {state?.ok ? `已记账，余额 ${formatFen(state.data.balanceAfterFen)}。` : state ? <span className="text-red-700">{errors._form ?? errors.amount ?? errors.movedOn ?? state.message}</span> : null}
        </p>
      </div>
    </form>
  );
}
