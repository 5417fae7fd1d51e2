import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAccountUser } from '@/lib/auth/session';
import { totpRequired } from '@/lib/auth/totp';
import { isDemoMode } from '@/lib/core/deployment';
import { formatDate } from '@/lib/core/format';
import { pendingEnrolment, secondFactorStatus } from '@/lib/users/second-factor';
import { EnrolForm, RenewCodesForm } from './second-factor-forms';

export const metadata: Metadata = { title: '动态口令' };

export default async function SecondFactorPage() {
  const { user, pending } = await requireAccountUser();
  if (isDemoMode()) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">动态口令（第二重验证）</h1>
        <p className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          演示环境不要求动态口令：登录只需用户名和密码。正式环境中，审核审批人、监督、系统管理员和资金发放员登录时须输入手机验证器应用中的 6 位动态口令。
        </p>
      </div>
    );
  }
  if (pending === 'password') {
    return (
      <p className="text-sm">
        请先<Link href="/account/password" className="text-blue-700 underline">修改密码</Link>。
      </p>
    );
  }
  const status = await secondFactorStatus(user);
  if (status.enrolledAt) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">动态口令（第二重验证）</h1>
        <dl className="grid max-w-md grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-600">状态</dt>
          <dd>已启用（{formatDate(status.enrolledAt)}）</dd>
          <dt className="text-slate-600">剩余恢复码</dt>
          <dd>{status.recoveryCodesLeft} 个</dd>
        </dl>
        <p className="text-sm text-slate-600">换了手机或丢失了手机，请联系系统管理员重置动态口令，然后重新登录绑定。</p>
        <RenewCodesForm />
      </div>
    );
  }
  const enrolment = await pendingEnrolment(user);
  const required = totpRequired(user.role);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">绑定动态口令（第二重验证）</h1>
      {pending === 'totp' && (
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
            <span className="ml-2 text-slate-500">（账号 {user.username}，基于时间）</span>
          </p>
        </li>
        <li>输入应用中显示的 6 位动态口令，完成绑定。</li>
      </ol>
      <EnrolForm />
    </div>
  );
}
