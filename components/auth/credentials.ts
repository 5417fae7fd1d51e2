'use client';

import { signIn } from 'next-auth/react';

const messages: Record<string, string> = {
  locked: '登录失败次数过多，请稍后再试。如果不是您本人在尝试，请告知系统管理员。',
  CredentialsSignin: '用户名或密码错误。',
};

/**
 * Signs in through next-auth's credentials endpoint without leaving the page (the login page
 * and the in-page sign-in share it). Null when signed in, else the message to show.
 */
export async function signInWithCredentials(username: string, password: string, callbackUrl: string): Promise<string | null> {
  if (!username.trim() || !password) return '请填写用户名和密码。';
  try {
    const result = await signIn('credentials', { username: username.trim(), password, redirect: false, callbackUrl });
    if (result?.ok && !result.error) return null;
    return messages[result?.error ?? ''] ?? '登录失败，请稍后再试。';
  } catch {
    return '无法连接服务器，请检查网络后再试。';
  }
}
