'use client';

import { useConfirmDialog } from '@/components/ui/confirm-dialog';
import { Field, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { resetPasswordAction, resetSecondFactorAction } from '@/lib/users/actions';
import { ErrorSummary } from '@/components/ui/error-summary';

const secondaryButton = 'rounded border border-red-700 px-4 py-2 font-medium text-red-800 hover:bg-red-50 disabled:opacity-60';

interface Target {
  id: string;
  name: string;
  username: string;
}

/** An admin gives the user a one-time temporary password, shown here once. */
export function ResetPasswordForm({ user }: { user: Target }) {
  const { ask, dialog } = useConfirmDialog();
  const confirm = () =>
    ask({
      title: '确认重置密码',
      message: `确认为 ${user.name}（${user.username}）生成临时密码？其现有会话立即失效，下次登录须用临时密码并改设新密码。`,
      confirmLabel: '确认重置',
    });
  const { state, pending, onSubmit, errors } = useFormAction(resetPasswordAction, confirm);
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-4 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="reset-password-heading">
      <ErrorSummary state={state} />
      {dialog}
      <h2 id="reset-password-heading" className="text-lg font-semibold">重置密码</h2>
      <input type="hidden" name="userId" value={user.id} />
      <Field id="reset-password-reason" label="重置原因" error={errors.reason ?? errors.userId}>
        {(a) => <input {...a} name="reason" required className={inputClass} />}
      </Field>
      <div>
        <button type="submit" disabled={pending} className={secondaryButton}>生成临时密码</button>
      </div>
      <div role="status" className="text-sm">
        {state?.ok ? (
          <div className="space-y-1 rounded border border-amber-300 bg-amber-50 p-3">
            <p>
              {state.data.username} 的临时密码（只显示这一次，请当面或电话告知本人）：
              <code aria-label="临时密码" className="ml-1 rounded bg-white px-2 py-1 font-mono text-base">{state.data.temporaryPassword}</code>
            </p>
            <p>该用户下次登录时须修改密码。</p>
          </div>
        ) : state ? (
          <span className="text-red-700">{state.message}</span>
        ) : null}
      </div>
    </form>
  );
}

/** A lost phone: the admin clears the second factor and the user binds a new one at the next sign-in. */
export function ResetSecondFactorForm({ user, enrolled }: { user: Target; enrolled: boolean }) {
  const { ask, dialog } = useConfirmDialog();
  const confirm = () =>
    ask({
      title: '确认重置动态口令',
      message: `确认重置 ${user.name}（${user.username}）的动态口令？其恢复码作废、现有会话立即失效，下次登录时须重新绑定。`,
      confirmLabel: '确认重置',
    });
  const { state, pending, onSubmit, errors } = useFormAction(resetSecondFactorAction, confirm);
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-4 rounded-lg border border-slate-200 bg-white p-4" aria-labelledby="reset-totp-heading">
      <ErrorSummary state={state} />
      {dialog}
      <h2 id="reset-totp-heading" className="text-lg font-semibold">动态口令</h2>
      <p className="text-sm">{enrolled ? '已启用。' : '未启用。'}</p>
      <input type="hidden" name="userId" value={user.id} />
      <Field id="reset-totp-reason" label="动态口令重置原因" error={errors.reason ?? errors.userId}>
        {(a) => <input {...a} name="reason" required className={inputClass} />}
      </Field>
      <div>
        <button type="submit" disabled={pending} className={secondaryButton}>重置动态口令</button>
      </div>
      <p role="status" className="text-sm">
        {state?.ok ? (state.data.changed ? '已重置。该用户下次登录时须重新绑定动态口令。' : '该用户尚未启用动态口令，无需重置。') : state ? <span className="text-red-700">{state.message}</span> : null}
      </p>
    </form>
  );
}
