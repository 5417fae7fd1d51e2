import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { formatFen } from '@/lib/core/format';
import { aidKindLabels, caseStateLabels, causeLabels } from '@/lib/temp-aid/labels';
import type { CaseRow } from '@/lib/temp-aid/queries';

/** A list of cases under a heading: who, what, how much, where it stands and by when. */
export function CaseTable({ title, rows, empty = '无。' }: { title: string; rows: CaseRow[]; empty?: string }) {
  return (
    <section aria-label={title}>
      <h2 className="text-lg font-semibold">{title}（{rows.length}）</h2>
      <DataTable
        className="mt-2"
        rows={rows}
        rowKey={(r) => r.id}
        whenEmpty="message"
        empty={empty}
        columns={[
          {
            key: 'head',
            header: '户主',
            cell: (r) => (
              <>
                <Link href={`/temp-aid/${r.id}`} className="text-blue-700 underline">{r.headName ?? '—'}</Link>
                {r.sameCauseFlag && <span className="ml-2 rounded bg-amber-100 px-1 text-xs text-amber-800">同因再次救助</span>}
              </>
            ),
          },
          { key: 'place', header: '乡镇 · 村', cell: (r) => <>{r.townshipName} · {r.villageName}</> },
          { key: 'kind', header: '类型', cell: (r) => aidKindLabels[r.kind] },
          { key: 'cause', header: '事由', cell: (r) => causeLabels[r.cause] },
          { key: 'amount', header: '金额', numeric: true, cell: (r) => formatFen(r.paidFen > 0 ? r.paidFen : (r.approvedFen ?? r.requestedFen)) },
          { key: 'state', header: '状态', cell: (r) => caseStateLabels[r.state] },
          {
            key: 'deadline',
            header: '期限',
            className: (r) => (r.overdue ? 'tabular-nums font-semibold text-red-700' : 'tabular-nums'),
            cell: (r) => (r.deadlineOn ? `${r.deadlineOn}${r.overdue ? '（已超期）' : ''}` : '—'),
          },
        ]}
      />
    </section>
  );
}
