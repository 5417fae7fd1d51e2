import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/lib/auth/session';
import { listAssignableRegions } from '@/lib/regions/queries';
import { listUsers } from '@/lib/users/queries';
import { ResetPasswordForm, ResetSecondFactorForm } from './credential-forms';
import { EditUserForm } from './edit-user-form';

export const metadata: Metadata = { title: '编辑用户' };

export default async function EditUserPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePermission('user.manage');
  const { id } = await params;
  const [users, regions] = await Promise.all([listUsers(actor), listAssignableRegions(actor)]);
  const target = users.find((u) => u.id === id);
  if (!target) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">
        编辑用户 {target.name}（{target.username}）
      </h1>
      <EditUserForm user={{ id: target.id, name: target.name, username: target.username, role: target.role, regionCode: target.regionCode, active: target.active }} regions={regions} />
      {target.id !== actor.id && (
        <>
          {target.mustChangePassword && <p className="text-sm text-amber-800">该用户尚未改设自己的密码（下次登录时须修改）。</p>}
          <ResetPasswordForm user={target} />
          <ResetSecondFactorForm user={target} enrolled={target.totpEnabledAt !== null} />
        </>
      )}
    </div>
  );
}
