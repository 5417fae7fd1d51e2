import { formatDateTime } from '@/lib/core/format';
import type { AccountUnderAttack } from '@/lib/auth/under-attack';

/**
 * On the admins' user page while an account is at the account-wide sign-in limit: someone is
 * guessing its password from many addresses. Its user can still sign in from the addresses
 * they used before; everyone else is refused until the lock ends.
 */
export function UnderAttackNotice({ accounts }: { accounts: AccountUnderAttack[] }) {
  if (accounts.length === 0) return null;
  return (
    <section role="alert" aria-labelledby="under-attack-heading" className="rounded border border-red-300 bg-red-50 p-4 text-sm">
      <h2 id="under-attack-heading" className="text-base font-semibold text-red-800">以下账号正被大量尝试密码</h2>
      <p className="mt-1 text-slate-700">
        15 分钟内登录失败达到上限，该账号已对新地址锁定（本人此前成功登录过的地址仍可登录，但会变慢）。请联系本人确认，必要时停用账号或重置密码，并查看审计日志中的 auth.account_under_attack 记录。
      </p>
      <ul className="mt-2 list-disc space-y-1 pl-6">
        {accounts.map((a) => (
          <li key={a.username}>
            <span className="font-mono">{a.username}</span>
            {a.name ? `（${a.name}）` : '（无此账号）'}：失败 {a.failures} 次（自 {formatDateTime(a.windowStart)} 起）
            {a.lockedUntil ? `，锁定至 ${formatDateTime(a.lockedUntil)}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
