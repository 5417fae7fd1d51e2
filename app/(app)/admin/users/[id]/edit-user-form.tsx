'use client';

import { useConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import type { Role } from '@/db/schema/users';
import { roleLabels } from '@/lib/auth/types';
import { updateUserAction } from '@/lib/users/actions';
import { RegionOptions, type RegionOption } from '../region-options';
import { ErrorSummary } from '@/components/ui/error-summary';

export function EditUserForm({
  user,
  regions,
}: {
  user: { id: string; name: string; username: string; role: Role; regionCode: string; active: boolean };
  regions: RegionOption[];
}) {
  const { ask, dialog } = useConfirmDialog();
  // Deactivating ends the user's sessions at once: said before it is done.
  const confirm = (data: FormData) =>
    !(user.active && data.get('active') === 'false') ||
    ask({
      title: '确认停用用户',
      message: `确认停用 ${user.name}（${user.username}）？停用后其现有会话立即失效，不能再登录，直到重新启用。`,
      confirmLabel: '确认停用',
    });
  const { state, pending, onSubmit, errors } = useFormAction(updateUserAction, confirm);
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-4 rounded-lg border border-slate-200 bg-white p-4">
      <ErrorSummary state={state} />
      {dialog}
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
