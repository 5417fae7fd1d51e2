import { formatFen } from '@/lib/core/format';
import { caseStateLabels, causeLabels } from '@/lib/temp-aid/labels';
import type { caseBreakdown } from '@/lib/temp-aid/stats';

type Breakdown = Awaited<ReturnType<typeof caseBreakdown>>;

function Table({ title, head, rows }: { title: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="w-full border-collapse bg-white text-sm">
      <caption className="p-2 text-left font-medium">{title}</caption>
      <thead>
        <tr className="border-b border-slate-200 text-left">{head.map((h) => <th key={h} scope="col" className="p-2">{h}</th>)}</tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr><td colSpan={head.length} className="p-2 text-slate-600">无。</td></tr>
        ) : (
          rows.map((r) => (
            <tr key={String(r[0])} className="border-b border-slate-100">{r.map((v, i) => <td key={i} className="p-2 tabular-nums">{v}</td>)}</tr>
          ))
        )}
      </tbody>
    </table>
  );
}

/** The year's cases by state, by cause and by township, with the amounts paid. */
export function BreakdownTables({ data }: { data: Breakdown }) {
  return (
    <section aria-label={`${data.year} 年统计`} className="space-y-3">
      <h2 className="text-lg font-semibold">{data.year} 年统计</h2>
      <div className="grid gap-4 md:grid-cols-3">
        <Table title="按状态" head={['状态', '件数', '已发放']} rows={data.byState.map((r) => [caseStateLabels[r.state], r.cases, formatFen(r.paidFen)])} />
        <Table title="按事由" head={['事由', '件数', '已发放']} rows={data.byCause.map((r) => [causeLabels[r.cause], r.cases, formatFen(r.paidFen)])} />
        <Table title="按乡镇" head={['乡镇', '件数', '已发放', '待办结', '超期']} rows={data.byTownship.map((r) => [r.name, r.cases, formatFen(r.paidFen), r.awaiting, r.overdue])} />
      </div>
    </section>
  );
}
