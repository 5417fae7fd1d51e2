import { isDemoMode } from '@/lib/core/deployment';

/**
 * On every page in demo mode (lib/core/deployment.ts): the data and the accounts are the demo's,
 * their password is published, so nothing real belongs here. Absent in production.
 */
export function DemoBanner() {
  if (!isDemoMode()) return null;
  return (
    <div role="note" aria-label="演示环境" className="bg-amber-100 px-4 py-1.5 text-center text-sm text-amber-900 print:hidden">
      <strong className="font-semibold">演示环境，数据为演示数据</strong>
      <span className="ml-2">演示账户的密码是公开的，登录不要求动态口令（第二重验证），请勿录入真实的个人信息。</span>
    </div>
  );
}
