import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/lib/auth/session';
import { roleLabels } from '@/lib/auth/types';
import { listAssignableRegions } from '@/lib/regions/queries';
import { listUsers } from '@/lib/users/queries';
import { CreateUserForm } from './create-user-form';

export const metadata: Metadata = { title: '用户管理' };

export default async function UsersPage() {
  const user = await requirePermission('user.manage');
  const [users, regions] = await Promise.all([listUsers(user), listAssignableRegions(user)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">用户管理</h1>
      <CreateUserForm regions={regions} />
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="sr-only">用户列表</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="p-2">用户名</th>
            <th scope="col" className="p-2">姓名</th>
            <th scope="col" className="p-2">角色</th>
            <th scope="col" className="p-2">区划</th>
            <th scope="col" className="p-2">状态</th>
            <th scope="col" className="p-2"><span className="sr-only">操作</span></th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <tr key={u.id} className="border-b border-slate-100">
              <td className="p-2 font-mono">{u.username}</td>
              <td className="p-2">{u.name}</td>
              <td className="p-2">{roleLabels[u.role]}</td>
              <td className="p-2">{u.regionName}</td>
              <td className="p-2">{u.active ? '启用' : <span className="text-red-700">已停用</span>}</td>
              <td className="p-2">
                <Link href={`/admin/users/${u.id}`} className="text-blue-700 underline" aria-label={`编辑 ${u.username}`}>
                  编辑
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
