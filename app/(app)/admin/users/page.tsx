import type { Metadata } from 'next';
import Link from 'next/link';
import { UnderAttackNotice } from '@/components/auth/under-attack-notice';
import { DataTable } from '@/components/ui/data-table';
import { requirePermission } from '@/lib/auth/session';
import { roleLabels } from '@/lib/auth/types';
import { accountsUnderAttack } from '@/lib/auth/under-attack';
import { listAssignableRegions } from '@/lib/regions/queries';
import { listUsers } from '@/lib/users/queries';
import { CreateUserForm } from './create-user-form';

export const metadata: Metadata = { title: '用户管理' };

export default async function UsersPage() {
  const user = await requirePermission('user.manage');
  const [users, regions, underAttack] = await Promise.all([listUsers(user), listAssignableRegions(user), accountsUnderAttack(user)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">用户管理</h1>
      <UnderAttackNotice accounts={underAttack} />
      <CreateUserForm regions={regions} />
      <DataTable
        caption="用户列表"
        captionHidden
        rows={users}
        rowKey={(u) => u.id}
        columns={[
          { key: 'username', header: '用户名', className: 'font-mono', cell: (u) => u.username },
          { key: 'name', header: '姓名', cell: (u) => u.name },
          { key: 'role', header: '角色', cell: (u) => roleLabels[u.role] },
          { key: 'region', header: '区划', cell: (u) => u.regionName },
          { key: 'status', header: '状态', cell: (u) => (u.active ? '启用' : <span className="text-red-700">已停用</span>) },
          {
            key: 'edit',
            header: <span className="sr-only">操作</span>,
            cell: (u) => (
              <Link href={`/admin/users/${u.id}`} className="text-blue-700 underline" aria-label={`编辑 ${u.username}`}>
                编辑
              </Link>
            ),
          },
        ]}
      />
    </div>
  );
}
