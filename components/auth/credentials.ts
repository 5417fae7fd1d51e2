'use client';

import { signIn } from 'next-auth/react';

const messages: Record<string, string> = {
  locked: '登录失败次数过多，请稍后再试。如果不是您本人在尝试，请告知系统管理员。',
  CredentialsSignin: '用户名或密码错误。',
  otp_required: '请输入手机验证器应用中的 6 位动态口令（或一个恢复码）。',
  otp_invalid: '动态口令不正确或已使用过，请输入应用中当前显示的口令；手机不在身边时可输入一个恢复码。',
};

export interface SignInRefusal {
  message: string;
  /** The password was right and the account has a second factor: ask for its code. */
  needsCode: boolean;
}

/**
 * Signs in through next-auth's credentials endpoint without leaving the page (the login page
 * and the in-page sign-in share it). Null when signed in, else what to show.
 */
export async function signInWithCredentials(
  username: string,
  password: string,
  callbackUrl: string,
  otp?: string,
): Promise<SignInRefusal | null> {
  if (!username.trim() || !password) return { message: '请填写用户名和密码。', needsCode: false };
  try {
    const result = await signIn('credentials', {
      username: username.trim(),
      password,
      ...(otp?.trim() ? { otp: otp.trim() } : {}),
      redirect: false,
      callbackUrl,
    });
    if (result?.ok && !result.error) return null;
    const code = result?.error ?? '';
    return { message: messages[code] ?? '登录失败，请稍后再试。', needsCode: code === 'otp_required' || code === 'otp_invalid' };
  } catch {
    return { message: '无法连接服务器，请检查网络后再试。', needsCode: false };
  }
}
