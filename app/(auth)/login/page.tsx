import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getSessionState } from '@/lib/auth/session';
import { pendingPaths } from '@/lib/auth/types';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: '登录' };

export default async function LoginPage() {
  // Signed in already: to the start page, or to the step the session still owes.
  const state = await getSessionState();
  if (state) redirect(state.pending ? pendingPaths[state.pending] : '/');
  return (
    <main className="flex min-h-screen items-center justify-center p-6">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-8 shadow-sm">
        <h1 className="text-2xl font-semibold">兜底</h1>
        <p className="mt-1 text-sm text-slate-600">吕梁市社会救助业务系统</p>
        <LoginForm />
      </div>
    </main>
  );
}
