import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAccountUser } from '@/lib/auth/session';
import { totpRequired } from '@/lib/auth/totp';
import { isDemoMode } from '@/lib/core/deployment';
import { formatDate } from '@/lib/core/format';
import { pendingEnrolment, secondFactorStatus } from '@/lib/users/second-factor';
import { SecondFactorPanel } from './second-factor-forms';

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
  const enrolment = status.enrolledAt ? null : await pendingEnrolment(user);
  // One client component for both states, so that the recovery codes shown after binding stay on
  // screen when the page is rendered again (the action issues the session anew, which refreshes it).
  return (
    <SecondFactorPanel
      username={user.username}
      enrolledOn={status.enrolledAt ? formatDate(status.enrolledAt) : null}
      recoveryCodesLeft={status.recoveryCodesLeft}
      enrolment={enrolment && { qr: enrolment.qr, grouped: enrolment.grouped }}
      required={totpRequired(user.role)}
      owed={pending === 'totp'}
    />
  );
}
