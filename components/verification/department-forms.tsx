'use client';

import { ErrorSummary } from '@/components/ui/error-summary';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { addDepartmentAction, setDepartmentActiveAction } from '@/lib/verification/actions';

export function DepartmentForm() {
  const { state, pending, onSubmit, errors } = useFormAction(addDepartmentAction);
  return (
    <form onSubmit={onSubmit} noValidate aria-label="新增核对部门" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3">
      <ErrorSummary state={state} />
      <h2 className="font-semibold md:col-span-3">新增核对部门</h2>
      <Field id="department-name" label="部门名称" error={errors.name}>{(a) => <input {...a} name="name" className={inputClass} />}</Field>
      <Field id="department-code" label="代码" error={errors.code} hint="小写字母、数字或下划线，如 civil_affairs">{(a) => <input {...a} name="code" className={inputClass} />}</Field>
      <Field id="department-matters" label="核对事项" error={errors.matters}>{(a) => <input {...a} name="matters" className={inputClass} />}</Field>
      <div className="flex items-center gap-3 md:col-span-3">
        <button type="submit" disabled={pending} className={buttonClass}>新增部门</button>
        <p role="status" className="text-sm">{state?.ok ? '已新增。' : state ? <span className="text-red-700">{errors._form ?? state.message}</span> : null}</p>
      </div>
    </form>
  );
}

export function DepartmentActiveToggle({ id, name, active }: { id: string; name: string; active: boolean }) {
  const { pending, onSubmit } = useFormAction(setDepartmentActiveAction);
  return (
    <form onSubmit={onSubmit} className="inline">
      <input type="hidden" name="departmentId" value={id} />
      <input type="hidden" name="active" value={active ? 'false' : 'true'} />
      <button type="submit" disabled={pending} aria-label={`${active ? '停用' : '启用'}${name}`} className="text-sm text-blue-700 underline">{active ? '停用' : '启用'}</button>
    </form>
  );
}
