import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { LateEntryList } from '@/components/late-entries/late-entry-list';
import { DataTable } from '@/components/ui/data-table';
import { requirePermission } from '@/lib/auth/session';
import { formatDateTime, formatFen } from '@/lib/core/format';
import { todayInChina } from '@/lib/core/time';
import { getFund } from '@/lib/temp-aid/fund-queries';
import { ledgerKindLabels } from '@/lib/temp-aid/labels';

export const metadata: Metadata = { title: '备用金台账' };

const outgoing = new Set(['draw', 'return']);

export default async function FundLedgerPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('tempaid.read');
  const fund = await getFund(user, (await params).id);
  if (!fund) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{fund.townshipName}临时救助备用金</h1>
      <p>当前余额 <strong className="tabular-nums">{formatFen(fund.balanceFen)}</strong> · <Link href="/temp-aid/funds" className="text-blue-700 underline">全部备用金</Link></p>
      <LateEntryList entries={fund.lateEntries} />
      <DataTable
        caption="台账（最新在前）"
        captionHidden
        rows={fund.ledger}
        rowKey={(l) => l.id}
        columns={[
          { key: 'on', header: '日期', className: 'tabular-nums whitespace-nowrap', cell: (l) => l.occurredOn ?? todayInChina(l.at) },
          { key: 'at', header: '记账时间', className: 'tabular-nums', cell: (l) => formatDateTime(l.at) },
          { key: 'kind', header: '类型', cell: (l) => ledgerKindLabels[l.kind] },
          { key: 'in', header: '收入', numeric: true, cell: (l) => (outgoing.has(l.kind) ? '' : formatFen(l.amountFen)) },
          { key: 'out', header: '支出', numeric: true, cell: (l) => (outgoing.has(l.kind) ? formatFen(l.amountFen) : '') },
          { key: 'balance', header: '余额', numeric: true, cell: (l) => formatFen(l.balanceAfterFen) },
          { key: 'actor', header: '经办', cell: (l) => l.actorName ?? '系统' },
          {
            key: 'note',
            header: '说明',
            cell: (l) => (l.caseId ? <Link href={`/temp-aid/${l.caseId}`} className="text-blue-700 underline">{l.note ?? '案件'}</Link> : l.note),
          },
        ]}
      />
    </div>
  );
}
