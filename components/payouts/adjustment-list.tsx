import { CancelAdjustmentForm } from '@/components/payouts/cancel-adjustment-form';
import { formatDateTime, formatFen } from '@/lib/core/format';
import type { HouseholdAdjustment } from '@/lib/payouts/adjustment-queries';
import { kindLabels, programLabels } from '@/lib/payouts/labels';

/** The household's 补发 and 扣回, each with where it stands; an open one can be withdrawn (撤销). */
export function AdjustmentList({ rows, canCancel }: { rows: HouseholdAdjustment[]; canCancel: boolean }) {
  if (rows.length === 0) return null;
  return (
    <table className="mt-2 w-full border-collapse bg-white text-sm" aria-label="补发与扣回">
      <thead>
        <tr className="border-b border-slate-200 text-left">
          <th scope="col" className="p-2">登记</th>
          <th scope="col" className="p-2">项目</th>
          <th scope="col" className="p-2">调整</th>
          <th scope="col" className="p-2">原因</th>
          <th scope="col" className="p-2">状态</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((a) => {
          const what = `${kindLabels[a.kind]} ${formatFen(a.totalFen)}`;
          return (
            <tr key={a.id} className="border-b border-slate-100 align-top">
              <td className="p-2 tabular-nums">{formatDateTime(a.createdAt)}<br />{a.createdByName ?? '—'}</td>
              <td className="p-2">{programLabels[a.program] ?? a.program}{a.memberName ? `（${a.memberName}）` : ''}</td>
              <td className="p-2">
                {what}
                <span className="block text-xs text-slate-600">
                  {a.kind === 'arrears' ? `补 ${a.forMonth} 漏发，随 ${a.startMonth} 发放` : `${a.startMonth} 起每月扣回 ${formatFen(a.perMonthFen ?? a.totalFen)}`}
                </span>
              </td>
              <td className="p-2">{a.reason}</td>
              <td className="p-2">
                {a.cancelledAt ? (
                  <span>
                    已撤销（{a.cancelledByName ?? '—'} {formatDateTime(a.cancelledAt)}）{a.cancelReason && <span className="block text-xs text-slate-600">撤销原因：{a.cancelReason}</span>}
                  </span>
                ) : a.takenMonths.length > 0 ? (
                  `已计入 ${a.takenMonths.join('、')} 发放批次`
                ) : canCancel ? (
                  <>
                    <span className="block">待生成发放批次</span>
                    <CancelAdjustmentForm adjustmentId={a.id} label={what} />
                  </>
                ) : (
                  '待生成发放批次'
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
