import type { Metadata } from 'next';
import Link from 'next/link';
import { requireAccountUser } from '@/lib/auth/session';
import { ChangePasswordForm } from './change-password-form';

export const metadata: Metadata = { title: '修改密码' };

export default async function PasswordPage() {
  const { pending } = await requireAccountUser();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">修改密码</h1>
      {pending === 'password' ? (
        <p role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          您正在使用管理员设置的初始或临时密码，请先设置自己的新密码，然后才能继续使用系统。
        </p>
      ) : (
        <p className="text-sm text-slate-600">
          修改后，您在其他电脑或浏览器上的登录会立即失效；当前页面保持登录。
          {!pending && (
            <Link href="/account/second-factor" className="ml-2 text-blue-700 underline">
              动态口令（第二重验证）
            </Link>
          )}
        </p>
      )}
      <ChangePasswordForm forced={pending === 'password'} />
    </div>
  );
}
