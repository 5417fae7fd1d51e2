import type { Metadata } from 'next';
import { listAuditEntries } from '@/lib/audit/queries';
import { requirePermission } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/core/format';

export const metadata: Metadata = { title: '审计日志' };

export default async function AuditPage() {
  const user = await requirePermission('audit.read');
  const entries = await listAuditEntries(user, { limit: 100 });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">审计日志</h1>
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="sr-only">最近 100 条操作记录</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="p-2">时间</th>
            <th scope="col" className="p-2">操作人</th>
            <th scope="col" className="p-2">操作</th>
            <th scope="col" className="p-2">对象</th>
            <th scope="col" className="p-2">原因</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id} className="border-b border-slate-100">
              <td className="p-2 tabular-nums">{formatDateTime(e.at)}</td>
              <td className="p-2">{e.actorName ?? '系统'}</td>
              <td className="p-2 font-mono">{e.action}</td>
              <td className="p-2 font-mono">{e.entity}</td>
              <td className="p-2">{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
