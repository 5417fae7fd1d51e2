import type { Metadata } from 'next';
import Link from 'next/link';
import { StartRunForm } from '@/components/payouts/start-run-form';
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
        {runs.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">还没有发放批次。</p>
        ) : (
          <table className="mt-2 w-full border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-left">
                <th scope="col" className="p-2">月份</th>
                <th scope="col" className="p-2">县（区）</th>
                <th scope="col" className="p-2">状态</th>
                <th scope="col" className="p-2 text-right">明细</th>
                <th scope="col" className="p-2 text-right">受阻</th>
                <th scope="col" className="p-2 text-right">金额</th>
              </tr>
            </thead>
            <tbody>
              {runs.map((r) => (
                <tr key={r.id} className="border-b border-slate-100">
                  <td className="p-2 tabular-nums">
                    <Link href={`/payouts/${r.id}`} className="text-blue-700 underline">{r.month}</Link>
                  </td>
                  <td className="p-2">{r.countyName}</td>
                  <td className="p-2">{runStateLabels[r.state]}</td>
                  <td className="p-2 text-right tabular-nums">{r.lineCount.toLocaleString('zh-CN')}</td>
                  <td className="p-2 text-right tabular-nums">{r.blockedCount.toLocaleString('zh-CN')}</td>
                  <td className="p-2 text-right tabular-nums">{formatFen(r.totalFen)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
