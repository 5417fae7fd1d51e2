'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { signInWithCredentials } from './credentials';

// The session can end while a form is open (30 minutes idle on a village visit). The server
// action then answers 'unauthenticated'; useFormAction asks here, and this dialog — one per
// signed-in page, in the app's layout — signs the same user in again without leaving the page.
// The form underneath is untouched (useFormAction never resets it), so it can be sent again.

type Waiting = (signedIn: boolean) => void;
let open: ((resolve: Waiting) => void) | null = null;

/** Offers sign-in in place; true once signed in again, false if declined (or no dialog on this page). */
export function requestSignIn(): Promise<boolean> {
  const show = open;
  if (!show) return Promise.resolve(false);
  return new Promise((resolve) => show(resolve));
}

export function SessionExpiredDialog({ username }: { username: string }) {
  const [waiting, setWaiting] = useState<Waiting[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const ref = useRef<HTMLDialogElement>(null);
  const password = useRef<HTMLInputElement>(null);
  const code = useRef<HTMLInputElement>(null);
  const [needsCode, setNeedsCode] = useState(false);
  const id = useId();

  useEffect(() => {
    open = (resolve) => setWaiting((w) => [...w, resolve]);
    return () => {
      open = null;
    };
  }, []);

  const shown = waiting.length > 0;
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (shown && !d.open) {
      d.showModal();
      password.current?.focus();
    } else if (!shown && d.open) {
      d.close();
    }
  }, [shown]);

  function finish(signedIn: boolean) {
    for (const resolve of waiting) resolve(signedIn);
    setWaiting([]);
    setError(null);
    setPending(false);
  }

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const refused = await signInWithCredentials(
      username,
      password.current?.value ?? '',
      window.location.pathname,
      needsCode ? (code.current?.value ?? '') : undefined,
    );
    if (refused) {
      setPending(false);
      if (refused.needsCode) setNeedsCode(true);
      setError(refused.message);
      return;
    }
    finish(true);
  }

  return (
    <dialog
      ref={ref}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-message`}
      onCancel={(e) => {
        e.preventDefault();
        finish(false);
      }}
      className="m-auto w-full max-w-sm rounded-lg border border-slate-300 p-5 shadow-xl backdrop:bg-slate-900/40"
    >
      {shown && (
        <form onSubmit={onSubmit} noValidate className="space-y-4">
          <h2 id={`${id}-title`} className="text-lg font-semibold">登录已过期，请重新登录</h2>
          <p id={`${id}-message`} className="text-sm text-slate-700">
            闲置超过 30 分钟后需要重新登录。本页已填写的内容都还在：登录后再提交一次即可。
          </p>
          <div>
            <label htmlFor={`${id}-username`} className="block text-sm font-medium">用户名</label>
            <input
              id={`${id}-username`}
              name="username"
              value={username}
              readOnly
              autoComplete="username"
              className="mt-1 w-full rounded border border-slate-300 bg-slate-100 px-3 py-2"
            />
          </div>
          <div>
            <label htmlFor={`${id}-password`} className="block text-sm font-medium">密码</label>
            <input
              ref={password}
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              className="mt-1 w-full rounded border border-slate-300 px-3 py-2"
            />
          </div>
          {needsCode && (
            <div>
              <label htmlFor={`${id}-otp`} className="block text-sm font-medium">动态口令或恢复码</label>
              <input
                ref={code}
                id={`${id}-otp`}
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
          <div className="flex justify-end gap-3">
            <button type="button" onClick={() => finish(false)} className="rounded border border-slate-400 px-4 py-2">
              取消
            </button>
            <button type="submit" disabled={pending} className="rounded bg-blue-700 px-4 py-2 font-medium text-white hover:bg-blue-800 disabled:opacity-60">
              {pending ? '正在登录…' : '登录'}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
