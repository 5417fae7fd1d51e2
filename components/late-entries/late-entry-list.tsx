import { DataTable } from '@/components/ui/data-table';
import { formatDateTime } from '@/lib/core/format';
import { lateEntryStepLabels } from '@/lib/late-entries/labels';
import type { LateEntryRow } from '@/lib/late-entries/queries';

/** The 补录 mark on a step: the working days late, the reason on hover, spelled out in the list below. */
export function LateBadge({ entry }: { entry: Pick<LateEntryRow, 'workingDaysLate' | 'reason' | 'recordedOn'> }) {
  return (
    <span title={`补录原因：${entry.reason}`} className="ml-2 inline-block rounded bg-amber-100 px-1.5 text-sm font-medium text-amber-900">
      补录（{entry.recordedOn} 录入，晚 {entry.workingDaysLate} 个工作日）
    </span>
  );
}

/**
 * A record's late entries (补录): each step with its true date, when it was entered and how late,
 * the written reason (and for a 公示 the notice's photo or record), who entered it, and whether
 * the supervisor who decided has acknowledged it.
 */
export function LateEntryList({ entries, title = '补录情况' }: { entries: LateEntryRow[]; title?: string }) {
  if (entries.length === 0) return null;
  return (
    <section aria-label={title} className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 className="text-lg font-semibold text-amber-900">{title}（{entries.length} 项）</h2>
      <p className="mt-1 text-sm text-amber-900">以下环节的日期早于录入日超过规定的工作日，属于补录；日期为实际办理日期。</p>
      <DataTable
        className="mt-2"
        caption={title}
        captionHidden
        rows={entries}
        rowKey={(e) => e.id}
        columns={[
          { key: 'step', header: '环节', rowHeader: true, cell: (e) => lateEntryStepLabels[e.step] },
          { key: 'stated', header: '环节日期', className: 'tabular-nums whitespace-nowrap', cell: (e) => e.statedOn },
          { key: 'recorded', header: '录入日期', className: 'tabular-nums whitespace-nowrap', cell: (e) => e.recordedOn },
          { key: 'days', header: '晚录', numeric: true, cell: (e) => `${e.workingDaysLate} 个工作日` },
          { key: 'reason', header: '补录原因', cell: (e) => e.reason },
          { key: 'evidence', header: '公示照片或记录编号', cell: (e) => e.evidenceRef ?? '—' },
          { key: 'by', header: '录入人', cell: (e) => e.recorderName },
          { key: 'ack', header: '核实', cell: (e) => (e.acknowledgedAt ? `${e.acknowledgerName ?? ''} ${formatDateTime(e.acknowledgedAt)} 已核实` : '待审批人核实') },
        ]}
      />
    </section>
  );
}
