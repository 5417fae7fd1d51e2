'use client';

import { useEffect, useRef } from 'react';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { roleLabels } from '@/lib/auth/types';
import { createUserAction } from '@/lib/users/actions';
import { RegionOptions, type RegionOption } from './region-options';
import { ErrorSummary } from '@/components/ui/error-summary';

export function CreateUserForm({ regions }: { regions: RegionOption[] }) {
  const { state, pending, onSubmit, errors } = useFormAction(createUserAction);
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok) form.current?.reset(); // created: the next user starts from an empty form
  }, [state]);
  return (
    <form ref={form} onSubmit={onSubmit} noValidate className="grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-3" aria-labelledby="create-user-heading">
      <ErrorSummary state={state} />
      <h2 id="create-user-heading" className="text-lg font-semibold md:col-span-3">新增用户</h2>
      <Field id="new-username" label="用户名" error={errors.username}>
        {(a) => <input {...a} name="username" required autoComplete="off" className={inputClass} />}
      </Field>
      <Field id="new-name" label="姓名" error={errors.name}>
        {(a) => <input {...a} name="name" required className={inputClass} />}
      </Field>
      <Field id="new-role" label="角色" error={errors.role}>
        {(a) => (
          <select {...a} name="role" required className={inputClass} defaultValue="caseworker">
            {Object.entries(roleLabels).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="new-region" label="所属区划" error={errors.regionCode}>
        {(a) => (
          <select {...a} name="regionCode" required className={inputClass}>
            <RegionOptions regions={regions} />
          </select>
        )}
      </Field>
      <Field id="new-password" label="初始密码" error={errors.password} hint="至少 8 位，不能是常见密码">
        {(a) => <input {...a} name="password" type="password" required autoComplete="new-password" className={inputClass} />}
      </Field>
      <div className="flex items-end gap-3">
        <button type="submit" disabled={pending} className={buttonClass}>创建用户</button>
      </div>
      <p role="status" className="text-sm md:col-span-3">
        {state?.ok ? '用户已创建。' : state && !state.ok ? <span className="text-red-700">{state.message}</span> : null}
      </p>
    </form>
  );
}
