import type { Metadata } from 'next';
import Link from 'next/link';
import { ChainCheck } from '@/components/audit/chain-check';
import { DataTable } from '@/components/ui/data-table';
import { auditActionLabel, auditEntityLabel, auditRecordHref } from '@/lib/audit/labels';
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
      <p className="text-sm text-slate-600">每条记录在提交时以哈希链相连（每条的哈希含上一条的哈希），事后改动、删除或绕过系统写入的记录都会使链条断开。</p>
      <ChainCheck />
      <DataTable
        caption="最近 100 条操作记录"
        captionHidden
        rows={entries}
        rowKey={(e) => e.id}
        columns={[
          { key: 'at', header: '时间', className: 'whitespace-nowrap tabular-nums', cell: (e) => formatDateTime(e.at) },
          { key: 'actor', header: '操作人', cell: (e) => e.actorName ?? '系统' },
          { key: 'action', header: '操作', cell: (e) => auditActionLabel(e.action) },
          { key: 'entity', header: '对象', cell: (e) => <RecordCell entry={e} href={auditRecordHref(e, user.role)} /> },
          { key: 'reason', header: '原因', cell: (e) => e.reason },
        ]}
      />
    </div>
  );
}

/** The kind of object a row is about, a link to its record where it has a page the reader may open. */
function RecordCell({ entry, href }: { entry: { entity: string }; href: string | null }) {
  const name = auditEntityLabel(entry.entity);
  return href ? (
    <Link href={href} className="text-blue-700 underline">
      {name}
    </Link>
  ) : (
    name
  );
}
