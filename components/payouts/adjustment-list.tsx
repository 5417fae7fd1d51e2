import { CancelAdjustmentForm } from '@/components/payouts/cancel-adjustment-form';
import { DataTable } from '@/components/ui/data-table';
import { formatDateTime, formatFen } from '@/lib/core/format';
import type { HouseholdAdjustment } from '@/lib/payouts/adjustment-queries';
import { kindLabels, programLabels } from '@/lib/payouts/labels';

const what = (a: HouseholdAdjustment) => `${kindLabels[a.kind]} ${formatFen(a.totalFen)}`;

/** Where an adjustment stands; an open one can be withdrawn (撤销). */
function AdjustmentState({ a, canCancel }: { a: HouseholdAdjustment; canCancel: boolean }) {
  if (a.cancelledAt) {
    return (
      <span>
        已撤销（{a.cancelledByName ?? '—'} {formatDateTime(a.cancelledAt)}）{a.cancelReason && <span className="block text-xs text-slate-600">撤销原因：{a.cancelReason}</span>}
      </span>
    );
  }
  if (a.takenMonths.length > 0) return `已计入 ${a.takenMonths.join('、')} 发放批次`;
  if (!canCancel) return '待生成发放批次';
  return (
    <>
      <span className="block">待生成发放批次</span>
      <CancelAdjustmentForm adjustmentId={a.id} label={what(a)} />
    </>
  );
}

/** The household's 补发 and 扣回, each with where it stands. */
export function AdjustmentList({ rows, canCancel }: { rows: HouseholdAdjustment[]; canCancel: boolean }) {
  if (rows.length === 0) return null;
  return (
    <DataTable
      className="mt-2"
      aria-label="补发与扣回"
      rows={rows}
      rowKey={(a) => a.id}
      rowClassName={() => 'align-top'}
      columns={[
        { key: 'created', header: '登记', className: 'tabular-nums', cell: (a) => <>{formatDateTime(a.createdAt)}<br />{a.createdByName ?? '—'}</> },
        { key: 'program', header: '项目', cell: (a) => <>{programLabels[a.program] ?? a.program}{a.memberName ? `（${a.memberName}）` : ''}</> },
        {
          key: 'change',
          header: '调整',
          cell: (a) => (
            <>
              {what(a)}
              <span className="block text-xs text-slate-600">
                {a.kind === 'arrears' ? `补 ${a.forMonth} 漏发，随 ${a.startMonth} 发放` : `${a.startMonth} 起每月扣回 ${formatFen(a.perMonthFen ?? a.totalFen)}`}
              </span>
            </>
          ),
        },
        { key: 'reason', header: '原因', cell: (a) => a.reason },
        { key: 'state', header: '状态', cell: (a) => <AdjustmentState a={a} canCancel={canCancel} /> },
      ]}
    />
  );
}
