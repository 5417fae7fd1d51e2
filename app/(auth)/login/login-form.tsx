'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';

const messages: Record<string, string> = {
  locked: '登录失败次数过多，请 15 分钟后再试。',
  CredentialsSignin: '用户名或密码错误。',
};

function safeCallback(): string {
  const target = new URLSearchParams(window.location.search).get('callbackUrl') ?? '/';
  return target.startsWith('/') && !target.startsWith('//') ? target : '/';
}

export function LoginForm() {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const username = String(form.get('username') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!username || !password) {
      setError('请填写用户名和密码。');
      return;
    }
    setPending(true);
    setError(null);
    const result = await signIn('credentials', { username, password, redirect: false });
    if (result?.ok && !result.error) {
      window.location.assign(safeCallback());
      return;
    }
    setPending(false);
    setError(messages[result?.error ?? ''] ?? '登录失败，请稍后再试。');
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
