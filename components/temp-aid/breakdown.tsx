import { DataTable, type Column } from '@/components/ui/data-table';
import { SortableDataTable } from '@/components/ui/sortable-data-table';
import { formatFen } from '@/lib/core/format';
import { caseStateLabels, causeLabels } from '@/lib/temp-aid/labels';
import type { caseBreakdown } from '@/lib/temp-aid/stats';

type Breakdown = Awaited<ReturnType<typeof caseBreakdown>>;
type Figures = { cases: number; paidFen: number };

const figures: Column<Figures>[] = [
  { key: 'cases', header: '件数', numeric: true, cell: (r) => r.cases },
  { key: 'paid', header: '已发放', numeric: true, cell: (r) => formatFen(r.paidFen) },
];

/**
 * The year's cases by state, by cause and by township, with the amounts paid. The township list
 * is complete (every township with a case this year), so it sorts on the spot: a supervisor finds
 * the township that paid most, or has most cases overdue.
 */
export function BreakdownTables({ data }: { data: Breakdown }) {
  return (
    <section aria-label={`${data.year} 年统计`} className="space-y-3">
      <h2 className="text-lg font-semibold">{data.year} 年统计</h2>
      <div className="grid gap-4 md:grid-cols-3">
        <DataTable
          caption="按状态"
          rows={data.byState}
          rowKey={(r) => r.state}
          empty="无。"
          columns={[{ key: 'state', header: '状态', cell: (r) => caseStateLabels[r.state] }, ...figures]}
        />
        <DataTable
          caption="按事由"
          rows={data.byCause}
          rowKey={(r) => r.cause}
          empty="无。"
          columns={[{ key: 'cause', header: '事由', cell: (r) => causeLabels[r.cause] }, ...figures]}
        />
        <SortableDataTable
          caption="按乡镇"
          rows={data.byTownship}
          rowKey={(r) => r.code}
          empty="无。"
          columns={[
            { key: 'township', header: '乡镇', sortValue: (r) => r.name, cell: (r) => r.name },
            { key: 'cases', header: '件数', numeric: true, sortValue: (r) => r.cases, cell: (r) => r.cases },
            { key: 'paid', header: '已发放', numeric: true, sortValue: (r) => r.paidFen, cell: (r) => formatFen(r.paidFen) },
            { key: 'awaiting', header: '待办结', numeric: true, sortValue: (r) => r.awaiting, cell: (r) => r.awaiting },
            { key: 'overdue', header: '超期', numeric: true, sortValue: (r) => r.overdue, cell: (r) => r.overdue },
          ]}
        />
      </div>
    </section>
  );
}
