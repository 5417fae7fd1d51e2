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

export function SecondFactorPanel({
  username,
  enrolledOn,
  recoveryCodesLeft,
  enrolment,
  required,
  owed,
}: {
  username: string;
  enrolledOn: string | null;
  recoveryCodesLeft: number;
  enrolment: { qr: string; grouped: string } | null;
  required: boolean;
  owed: boolean;
}) {
  const { state, pending, onSubmit, errors } = useFormAction(confirmTotpAction);
  if (state?.ok) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">动态口令（第二重验证）</h1>
        <p role="status" className="text-sm">动态口令已启用。以后每次登录都须输入动态口令；您在其他地方的登录已失效。</p>
        <RecoveryCodes codes={state.data.recoveryCodes} />
        <Link href="/" className={`${buttonClass} inline-block`}>
          我已保存恢复码，继续
        </Link>
      </div>
    );
  }
  if (enrolledOn || !enrolment) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">动态口令（第二重验证）</h1>
        <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">状态</dt>
          <dd>已启用（{enrolledOn}）</dd>
          <dt className="text-slate-600">剩余恢复码</dt>
          <dd>{recoveryCodesLeft} 个</dd>
        </dl>
        <p className="text-sm text-slate-600">换了手机或丢失了手机，请联系系统管理员重置动态口令，然后重新登录绑定。</p>
        <RenewCodesForm />
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">绑定动态口令（第二重验证）</h1>
      {owed && (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          按照本单位的安全要求，您的岗位登录时须使用动态口令。请先完成绑定，然后才能继续使用系统。
        </p>
      )}
      {!required && <p className="text-sm text-slate-600">您的岗位不强制使用动态口令；启用后，每次登录都须输入。</p>}
      <ol className="list-decimal space-y-3 pl-5 text-sm">
        <li>
          在手机上打开验证器应用（如“腾讯身份验证器”、Microsoft Authenticator、Google Authenticator），扫描下面的二维码：
          {/* A data: URL, allowed by the page's policy (img-src 'self' data:). */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={enrolment.qr} alt="动态口令二维码" width={220} height={220} className="mt-2 border border-slate-200" />
          <p className="mt-2">
            无法扫码时，在应用中手动输入密钥：
            <code aria-label="手动输入密钥" className="ml-1 rounded bg-slate-100 px-2 py-1 font-mono">
              {enrolment.grouped}
            </code>
            <span className="ml-2 text-slate-500">（账号 {username}，基于时间）</span>
          </p>
        </li>
        <li>输入应用中显示的 6 位动态口令，完成绑定。</li>
      </ol>
      <form onSubmit={onSubmit} noValidate className="grid max-w-xs gap-4" aria-label="绑定动态口令">
        <CodeField error={errors.code} />
        <div>
          <button type="submit" disabled={pending} className={buttonClass}>
            完成绑定
          </button>
        </div>
        <p role="status" className="text-sm">{state && !state.ok ? <span className="text-red-700">{state.message}</span> : null}</p>
      </form>
    </div>
  );
}

function RenewCodesForm() {
  const { state, pending, onSubmit, errors } = useFormAction(renewRecoveryCodesAction);
  if (state?.ok) return <RecoveryCodes codes={state.data.recoveryCodes} />;
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-xs gap-4" aria-label="重新生成恢复码">
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
