'use client';

import { removeCalendarDayAction, setCalendarDayAction } from '@/lib/policy/actions';
import { useFormAction } from '@/components/ui/use-form-action';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { ErrorSummary } from '@/components/ui/error-summary';

export function CalendarDayForm() {
  const { state, pending, onSubmit, errors } = useFormAction(setCalendarDayAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="h-cal" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4">
      <ErrorSummary state={state} />
      <h2 id="h-cal" className="font-semibold md:col-span-4">登记节假日或调休上班日</h2>
      <Field id="cal-day" label="日期" error={errors.day}>
        {(a) => <input {...a} name="day" type="date" className={inputClass} />}
      </Field>
      <Field id="cal-kind" label="类型" error={errors.kind}>
        {(a) => (
          <select {...a} name="kind" defaultValue="holiday" className={inputClass}>
            <option value="holiday">节假日（工作日放假）</option>
            <option value="workday">调休上班（周末上班）</option>
          </select>
        )}
      </Field>
      <Field id="cal-note" label="说明" error={errors.note}>
        {(a) => <input {...a} name="note" placeholder="如：国庆节" className={inputClass} />}
      </Field>
      <div className="flex items-end gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>保存</button>
      </div>
      <p role="status" className="text-sm md:col-span-4">{state?.ok ? '已保存。' : state ? <span className="text-red-700">{state.message}</span> : null}</p>
    </form>
  );
}

export function RemoveCalendarDay({ day }: { day: string }) {
  const { pending, onSubmit } = useFormAction(removeCalendarDayAction);
  return (
    <form onSubmit={onSubmit} className="inline">
      <input type="hidden" name="day" value={day} />
      <button type="submit" disabled={pending} aria-label={`删除 ${day}`} className="text-sm text-red-700 underline">删除</button>
    </form>
  );
}
