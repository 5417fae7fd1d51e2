import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { AdjustmentForm } from '@/components/payouts/adjustment-form';
import { AdjustmentList } from '@/components/payouts/adjustment-list';
import { listHouseholdEnrollments } from '@/lib/enrollments/queries';
import { todayInChina } from '@/lib/core/time';
import { can } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { formatFen } from '@/lib/core/format';
import { householdAdjustments } from '@/lib/payouts/adjustment-queries';
import { kindLabels, lineStatusLabels, programLabels, runStateLabels } from '@/lib/payouts/labels';
import { householdPayments } from '@/lib/payouts/queries';
import { addMonthsToMonth } from '@/lib/core/calendar-date';

/** 发放记录: every payment to the household, month by month, with the bank's answer. */
export async function PayoutHistorySection({ user, householdId }: { user: SessionUser; householdId: string }) {
  if (!can(user.role, 'payout.read')) return null;
  const [rows, adjustments] = await Promise.all([householdPayments(user, householdId), householdAdjustments(user, householdId)]);
  const months = [...new Set(rows.map((r) => r.month))];
  const enrollments = can(user.role, 'payout.prepare') ? (await listHouseholdEnrollments(user, householdId)).filter((e) => e.status !== 'proposed') : [];
  return (
    <section aria-labelledby="h-payouts">
      <h2 id="h-payouts" className="text-lg font-semibold">发放记录</h2>
      <DataTable
        className="mt-2"
        aria-labelledby="h-payouts"
        groups={months.map((m) => ({ key: m, header: m, rows: rows.filter((r) => r.month === m) }))}
        groupHeader={{ header: '月份', className: 'align-top font-normal tabular-nums' }}
        rowKey={(r) => r.id}
        whenEmpty="message"
        empty="尚无发放记录。"
        columns={[
          { key: 'program', header: '项目', cell: (r) => <>{programLabels[r.program] ?? r.program}{r.kind !== 'enrollment' && `（${kindLabels[r.kind]}）`}</> },
          { key: 'amount', header: '金额', numeric: true, cell: (r) => formatFen(r.amountFen) },
          { key: 'account', header: '账户', cell: (r) => (r.bankName ? `${r.bankName} ${r.accountMasked}` : '—') },
          { key: 'run', header: '批次', cell: (r) => <Link href={`/payouts/${r.runId}`} className="text-blue-700 underline">{runStateLabels[r.runState]}</Link> },
          {
            key: 'result',
            header: '发放结果',
            cell: (r) => (
              <>
                {r.blocked ? `受阻：${r.blockReason}` : r.kind === 'recovery' ? '随所扣明细' : r.runState === 'draft' ? '待审批' : lineStatusLabels[r.status]}
                {r.failureReason && `（${r.failureReason}）`}
                {r.reissuedBy && (
                  <>
                    {' · 由 '}
                    <Link href={`/payouts/${r.reissuedBy.runId}`} className="text-blue-700 underline">{r.reissuedBy.month} 发放批次</Link>
                    {`重新发放（${runStateLabels[r.reissuedBy.runState]}）`}
                  </>
                )}
              </>
            ),
          },
        ]}
      />
      {adjustments.length > 0 && (
        <>
          <h3 className="mt-4 font-semibold">补发与扣回</h3>
          <AdjustmentList rows={adjustments} canCancel={can(user.role, 'payout.prepare')} />
        </>
      )}
      {enrollments.length > 0 && (
        <details className="mt-2">
          <summary className="cursor-pointer text-sm text-blue-700 underline">补发或扣回</summary>
          <AdjustmentForm
            enrollments={enrollments.map((e) => ({ id: e.id, label: `${programLabels[e.program]}${e.memberName ? `（${e.memberName}）` : ''}` }))}
            nextMonth={addMonthsToMonth(todayInChina().slice(0, 7), 1)}
          />
        </details>
      )}
    </section>
  );
}
