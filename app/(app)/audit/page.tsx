import type { Metadata } from 'next';
import Link from 'next/link';
import { AuditFilterForm, AuditTabs } from '@/components/audit/audit-filter-form';
import { ChainCheck } from '@/components/audit/chain-check';
import { ChangeSummary } from '@/components/audit/history-list';
import { DataTable } from '@/components/ui/data-table';
import { auditFilterSchema, filterParams, firstValues, tabOf, type AuditFilter } from '@/lib/audit/filter';
import { auditActionLabel, auditEntityLabel, auditRecordHref } from '@/lib/audit/labels';
import { listAuditActors, listAuditEntries } from '@/lib/audit/queries';
import { requirePermission } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/core/format';
import { listFilterRegions } from '@/lib/regions/queries';

export const metadata: Metadata = { title: '审计日志' };

type Search = Record<string, string | string[] | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission('audit.read');
  const parsed = auditFilterSchema.safeParse(firstValues(await searchParams));
  const filter: AuditFilter = parsed.success ? parsed.data : {};
  const [page, actors, regions] = await Promise.all([
    parsed.success ? listAuditEntries(user, filter) : Promise.resolve({ rows: [], nextCursor: undefined }),
    listAuditActors(user),
    listFilterRegions(user),
  ]);
  const regionName = new Map(regions.map((r) => [r.code, r.name]));
  const placeOf = (code: string | null) => (code ? regionName.get(code.slice(0, 9)) ?? regionName.get(code.slice(0, 6)) ?? '' : '');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">审计日志</h1>
      <p className="text-sm text-slate-600">每条记录在提交时以哈希链相连（每条的哈希含上一条的哈希），事后改动、删除或绕过系统写入的记录都会使链条断开。</p>
      <ChainCheck />
      <AuditTabs filter={filter} />
      <AuditFilterForm filter={parsed.success ? filter : {}} actors={actors} regions={regions} canExport />
      {!parsed.success && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-800">
          筛选条件有误，未查询：{parsed.error.issues.map((i) => i.message).join('；')}
        </div>
      )}
      <DataTable
        caption={tabOf(filter) === 'signins' ? '登录记录' : '操作记录'}
        captionHidden
        rows={page.rows}
        rowKey={(e) => e.id}
        empty={filter.after ? '没有更早的记录。' : '没有符合条件的记录。'}
        columns={[
          { key: 'at', header: '时间', className: 'whitespace-nowrap tabular-nums', cell: (e) => formatDateTime(e.at) },
          { key: 'actor', header: '操作人', cell: (e) => e.actorName ?? '系统' },
          { key: 'action', header: '操作', cell: (e) => auditActionLabel(e.action) },
          { key: 'entity', header: '对象', cell: (e) => <RecordCell entry={e} href={auditRecordHref(e, user.role)} /> },
          { key: 'region', header: '地区', cell: (e) => placeOf(e.regionCode) },
          { key: 'reason', header: '原因', cell: (e) => e.reason },
          { key: 'details', header: '详情', cell: (e) => <ChangeSummary action={e.action} before={e.before} after={e.after} /> },
        ]}
      />
      <nav aria-label="翻页" className="flex gap-4 text-sm">
        {filter.after && <Link href={`/audit?${filterParams(filter).toString()}`} className="text-blue-700 underline">回到最新</Link>}
        {page.nextCursor && <Link href={`/audit?${filterParams(filter, page.nextCursor).toString()}`} className="text-blue-700 underline">更早的记录</Link>}
      </nav>
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
