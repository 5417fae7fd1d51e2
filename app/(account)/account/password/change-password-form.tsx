'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { changePasswordAction } from '@/lib/account/actions';
import { ErrorSummary } from '@/components/ui/error-summary';

export function ChangePasswordForm({ forced }: { forced: boolean }) {
  const router = useRouter();
  // As the page was opened: the action's answer re-renders the page, no longer forced.
  const [wasForced] = useState(forced);
  const { state, pending, onSubmit, errors } = useFormAction(changePasswordAction);
  useEffect(() => {
    // A forced change leads on to what the session still owes, or to the start page.
    if (state?.ok && wasForced) router.replace('/');
  }, [state, wasForced, router]);
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-md gap-4 rounded-lg border border-slate-200 bg-white p-4" aria-label="修改密码">
      <ErrorSummary state={state} />
      <Field id="current-password" label={wasForced ? '当前（临时）密码' : '当前密码'} error={errors.current}>
        {(a) => <input {...a} name="current" type="password" required autoComplete="current-password" className={inputClass} />}
      </Field>
      <Field id="next-password" label="新密码" error={errors.next} hint="至少 8 位，不能是常见密码，不能与最近 5 次的密码相同">
        {(a) => <input {...a} name="next" type="password" required autoComplete="new-password" className={inputClass} />}
      </Field>
      <Field id="confirm-password" label="再次输入新密码" error={errors.confirm}>
        {(a) => <input {...a} name="confirm" type="password" required autoComplete="new-password" className={inputClass} />}
      </Field>
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>
          修改密码
        </button>
      </div>
      <p role="status" className="text-sm">
        {state?.ok ? '密码已修改。您在其他地方的登录已失效。' : state ? <span className="text-red-700">{state.message}</span> : null}
      </p>
    </form>
  );
}
