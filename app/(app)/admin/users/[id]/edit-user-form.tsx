'use client';

import { useActionState } from 'react';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import type { Role } from '@/db/schema/users';
import { roleLabels } from '@/lib/auth/types';
import { updateUserAction } from '@/lib/users/actions';
import { RegionOptions, type RegionOption } from '../region-options';

export function EditUserForm({
  user,
  regions,
}: {
  user: { id: string; role: Role; regionCode: string; active: boolean };
  regions: RegionOption[];
}) {
  const [state, action, pending] = useActionState(updateUserAction, null);
  const errors = state && !state.ok ? state.fieldErrors : {};
  return (
    <form action={action} className="grid max-w-xl gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <input type="hidden" name="userId" value={user.id} />
      <Field id="edit-role" label="角色" error={errors.role}>
        {(a) => (
          <select {...a} name="role" defaultValue={user.role} className={inputClass}>
            {Object.entries(roleLabels).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        )}
      </Field>
      <Field id="edit-region" label="所属区划" error={errors.regionCode}>
        {(a) => (
          <select {...a} name="regionCode" defaultValue={user.regionCode} className={inputClass}>
            <RegionOptions regions={regions} />
          </select>
        )}
      </Field>
      <Field id="edit-active" label="账号状态" error={errors.active}>
        {(a) => (
          <select {...a} name="active" defaultValue={String(user.active)} className={inputClass}>
            <option value="true">启用</option>
            <option value="false">停用</option>
          </select>
        )}
      </Field>
      <Field id="edit-reason" label="变更原因" error={errors.reason}>
        {(a) => <input {...a} name="reason" required className={inputClass} />}
      </Field>
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>保存</button>
      </div>
      <p role="status" className="text-sm">
        {state?.ok ? (state.data.changed ? '已保存。该用户的现有会话已失效。' : '没有变化。') : state ? <span className="text-red-700">{state.message}</span> : null}
      </p>
    </form>
  );
}
