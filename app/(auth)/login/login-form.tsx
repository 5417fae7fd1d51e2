'use client';

import { useState } from 'react';
import { signInWithCredentials } from '@/components/auth/credentials';
import { safeReturnPath } from '@/lib/auth/return-path';

/** Where to go after signing in: the callbackUrl given, if it is a path of this site (else the start page). */
const returnPath = () => safeReturnPath(new URLSearchParams(window.location.search).get('callbackUrl'));

export function LoginForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [needsCode, setNeedsCode] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username') ?? '');
    const password = String(form.get('password') ?? '');
    const otp = String(form.get('otp') ?? '');
    setPending(true);
    setError(null);
    const target = returnPath();
    const refused = await signInWithCredentials(username, password, target, needsCode ? otp : undefined);
    if (!refused) {
      window.location.assign(target);
      return;
    }
    setPending(false);
    // The second step keeps the name and password typed: only the code is asked for.
    if (refused.needsCode) setNeedsCode(true);
    setError(refused.message);
  }

  return (
    <form onSubmit={onSubmit} className="mt-6 space-y-4" noValidate>
      <div>
        <label htmlFor="username" className="block text-sm font-medium">
          用户名
        </label>
        <input
          id="username"
          name="username"
          autoComplete="username"
          required
          autoFocus
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          密码
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
        />
      </div>
      {needsCode && (
        <div>
          <label htmlFor="otp" className="block text-sm font-medium">
            动态口令或恢复码
          </label>
          <input
            id="otp"
            name="otp"
            inputMode="numeric"
            autoComplete="one-time-code"
            required
            autoFocus
            className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
          />
        </div>
      )}
      {error && (
        <p role="alert" className="rounded bg-red-50 px-3 py-2 text-sm text-red-700">
          {error}
        </p>
      )}
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60"
      >
        {pending ? '正在登录…' : '登录'}
      </button>
    </form>
  );
}
