import Link from 'next/link';
import { SessionExpiredDialog } from '@/components/auth/session-expired-dialog';
import { AppNav } from '@/components/shell/app-nav';
import { SignOutButton } from '@/components/shell/sign-out-button';
import { navigationFor } from '@/lib/auth/navigation';
import { requireUser } from '@/lib/auth/session';
import { roleLabels } from '@/lib/auth/types';

export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:bg-white focus:p-2">
        跳到主要内容
      </a>
      <header className="border-b border-slate-200 bg-white print:hidden">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
            <span className="text-lg font-semibold text-blue-800">兜底</span>
            <AppNav items={navigationFor(user)} />
          </div>
          <div className="flex flex-wrap items-center gap-3 text-sm" aria-label="当前用户">
            <span>
              <span className="font-medium">{user.name}</span>
              <span className="mx-1 text-slate-400">·</span>
              <span>{roleLabels[user.role]}</span>
              <span className="mx-1 text-slate-400">·</span>
              <span>{user.regionName}</span>
            </span>
            <Link href="/account/password" className="text-blue-700 underline">
              账户安全
            </Link>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl min-w-0 px-4 py-6 print:max-w-none print:p-0">
        {children}
      </main>
      <SessionExpiredDialog username={user.username} />
    </>
  );
}
