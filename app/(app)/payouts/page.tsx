import type { Metadata } from 'next';
import Link from 'next/link';
import { StartRunForm } from '@/components/payouts/start-run-form';
import { DataTable } from '@/components/ui/data-table';
import { todayInChina } from '@/lib/core/time';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { formatDateTime, formatFen } from '@/lib/core/format';
import { runStateLabels } from '@/lib/payouts/labels';
import { countiesFor, listInterruptedGenerations, listRuns } from '@/lib/payouts/queries';
import { addMonthsToMonth } from '@/lib/core/calendar-date';

export const metadata: Metadata = { title: '资金发放' };

export default async function PayoutsPage() {
  const user = await requirePermission('payout.read');
  const [runs, counties, interrupted] = await Promise.all([listRuns(user), countiesFor(user), listInterruptedGenerations(user)]);
  const nextMonth = addMonthsToMonth(todayInChina().slice(0, 7), 1);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">资金发放</h1>
      {interrupted.map((j) => (
        <p key={`${j.countyCode}-${j.month}`} role="alert" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          {j.countyName} {j.month} 发放批次的生成在第 {j.step}/{j.steps} 步（{j.label}）中断（最后进展 {formatDateTime(j.updatedAt)}）。
          中断的生成不留下任何改动：批次仍是中断前的样子。{can(user.role, 'payout.prepare') ? '请在下方重新生成。' : '请经办人重新生成。'}
        </p>
      ))}
      {can(user.role, 'payout.prepare') && counties.length > 0 && (
        <section aria-labelledby="h-start">
          <h2 id="h-start" className="text-lg font-semibold">生成发放批次</h2>
          <p className="mb-2 text-sm text-slate-600">按县（区）和月份生成；已有草稿时重新生成，已审批的批次不再变更。</p>
          <StartRunForm counties={counties} defaultMonth={nextMonth} />
        </section>
      )}
      <section aria-labelledby="h-runs">
        <h2 id="h-runs" className="text-lg font-semibold">发放批次</h2>
        <DataTable
          className="mt-2"
          aria-labelledby="h-runs"
          rows={runs}
          rowKey={(r) => r.id}
          whenEmpty="message"
          empty="还没有发放批次。"
          columns={[
            { key: 'month', header: '月份', className: 'tabular-nums', cell: (r) => <Link href={`/payouts/${r.id}`} className="text-blue-700 underline">{r.month}</Link> },
            { key: 'county', header: '县（区）', cell: (r) => r.countyName },
            { key: 'state', header: '状态', cell: (r) => runStateLabels[r.state] },
            { key: 'lines', header: '明细', numeric: true, cell: (r) => r.lineCount.toLocaleString('zh-CN') },
            { key: 'blocked', header: '受阻', numeric: true, cell: (r) => r.blockedCount.toLocaleString('zh-CN') },
            { key: 'total', header: '金额', numeric: true, cell: (r) => formatFen(r.totalFen) },
          ]}
        />
      </section>
    </div>
  );
}
