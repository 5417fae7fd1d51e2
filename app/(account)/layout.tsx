import Link from 'next/link';
import { SessionExpiredDialog } from '@/components/auth/session-expired-dialog';
import { SignOutButton } from '@/components/shell/sign-out-button';
import { requireAccountUser } from '@/lib/auth/session';
import { roleLabels } from '@/lib/auth/types';

/**
 * The account's own pages: open also to a session that still owes a step (a new password, the
 * second factor), which sees nothing else of the system until the step is done.
 */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const { user, pending } = await requireAccountUser();
  return (
    <>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-3xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex items-center gap-6">
            <span className="text-lg font-semibold text-blue-800">兜底</span>
            {!pending && (
              <Link href="/" className="text-sm text-blue-700 underline">
                返回首页
              </Link>
            )}
          </div>
          <div className="flex items-center gap-3 text-sm" aria-label="当前用户">
            <span>
              <span className="font-medium">{user.name}</span>
              <span className="mx-1 text-slate-400">·</span>
              <span>{roleLabels[user.role]}</span>
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-3xl px-4 py-6">
        {children}
      </main>
      <SessionExpiredDialog username={user.username} />
    </>
  );
}
