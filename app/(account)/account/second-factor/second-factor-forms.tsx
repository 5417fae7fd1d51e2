'use client';

import Link from 'next/link';
import { Field, buttonClass, inputClass } from '@/components/ui/field';
import { useFormAction } from '@/components/ui/use-form-action';
import { confirmTotpAction, renewRecoveryCodesAction } from '@/lib/account/actions';

function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <section aria-labelledby="recovery-heading" className="space-y-3 rounded-lg border border-green-300 bg-green-50 p-4">
      <h2 id="recovery-heading" className="text-lg font-semibold">恢复码（只显示这一次）</h2>
      <p className="text-sm">
        手机不在身边时，可以用一个恢复码代替动态口令登录，每个只能用一次。请抄写或打印后妥善保管，不要存放在手机里。
      </p>
      <ul aria-label="恢复码" className="grid grid-cols-2 gap-2 font-mono text-base">
        {codes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
    </section>
  );
}

function CodeField({ error }: { error?: string }) {
  return (
    <Field id="totp-code" label="动态口令" error={error} hint="验证器应用中显示的 6 位数字">
      {(a) => (
        <input {...a} name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} required className={inputClass} />
      )}
    </Field>
  );
}

export function EnrolForm() {
  const { state, pending, onSubmit, errors } = useFormAction(confirmTotpAction);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm">动态口令已启用。以后每次登录都须输入动态口令；您在其他地方的登录已失效。</p>
        <RecoveryCodes codes={state.data.recoveryCodes} />
        <Link href="/" className={`${buttonClass} inline-block`}>
          我已保存恢复码，继续
        </Link>
      </div>
    );
  }
  return (
    <form onSubmit={onSubmit} className="grid max-w-xs gap-4" aria-label="绑定动态口令">
      <CodeField error={errors.code} />
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>
          完成绑定
        </button>
      </div>
      <p role="status" className="text-sm">{state && !state.ok ? <span className="text-red-700">{state.message}</span> : null}</p>
    </form>
  );
}

export function RenewCodesForm() {
  const { state, pending, onSubmit, errors } = useFormAction(renewRecoveryCodesAction);
  if (state?.ok) return <RecoveryCodes codes={state.data.recoveryCodes} />;
  return (
    <form onSubmit={onSubmit} className="grid max-w-xs gap-4" aria-label="重新生成恢复码">
      <h2 className="text-lg font-semibold">重新生成恢复码</h2>
      <p className="text-sm text-slate-600">旧的恢复码将全部作废。</p>
      <CodeField error={errors.code} />
      <div>
        <button type="submit" disabled={pending} className={buttonClass}>
          重新生成
        </button>
      </div>
      <p role="status" className="text-sm">{state && !state.ok ? <span className="text-red-700">{state.message}</span> : null}</p>
    </form>
  );
}
