import type { Metadata } from 'next';
import Link from 'next/link';
import { LateEntryFilters } from '@/components/late-entries/late-entry-filters';
import { DataTable } from '@/components/ui/data-table';
import { requirePermission } from '@/lib/auth/session';
import { formatDateTime } from '@/lib/core/format';
import { lateEntryHref, lateEntryKindLabels, lateEntryStepLabels } from '@/lib/late-entries/labels';
import { lateEntryRecorders, listLateEntries } from '@/lib/late-entries/queries';
import { lateEntryFilterSchema } from '@/lib/late-entries/schemas';
import { listFilterRegions } from '@/lib/regions/queries';

export const metadata: Metadata = { title: '补录情况' };

type Search = Record<string, string | string[] | undefined>;

/** 补录 for supervisors and auditors: every step entered late in their region, by township, caseworker and month. */
export default async function LateEntriesPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission('late_entry.read');
  const raw = await searchParams;
  const parsed = lateEntryFilterSchema.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const filter = parsed.success ? parsed.data : {};
  const [{ rows, summary, truncated }, recorders, places] = await Promise.all([listLateEntries(user, filter), lateEntryRecorders(user), listFilterRegions(user)]);
  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-semibold">补录情况</h1>
        <p className="mt-1 text-sm text-slate-600">
          {user.regionName}：环节日期早于录入日超过规定工作日数的环节（补录），按录入月份统计。<Link href="/reports" className="ml-2 text-blue-700 underline">统计报表</Link>
        </p>
      </header>
      <LateEntryFilters filter={filter} recorders={recorders} places={places} />
      <DataTable
        caption={`按乡镇、经办人、月份汇总（共 ${summary.reduce((n, s) => n + s.count, 0)} 件）`}
        rows={summary}
        rowKey={(s) => `${s.townshipCode}-${s.recordedBy}-${s.month}`}
        empty="没有补录记录。"
        columns={[
          { key: 'month', header: '录入月份', className: 'tabular-nums', cell: (s) => s.month },
          { key: 'township', header: '乡镇', cell: (s) => s.townshipName },
          { key: 'who', header: '经办人', cell: (s) => s.recorderName },
          { key: 'count', header: '补录件数', numeric: true, cell: (s) => s.count },
          { key: 'open', header: '待核实', numeric: true, cell: (s) => s.unacknowledged },
        ]}
      />
      <DataTable
        caption={truncated ? '补录明细（最近 500 条，请缩小查询范围）' : '补录明细'}
        rows={rows}
        rowKey={(e) => e.id}
        empty="没有补录记录。"
        columns={[
          { key: 'recorded', header: '录入日期', className: 'tabular-nums whitespace-nowrap', cell: (e) => e.recordedOn },
          { key: 'place', header: '地区', cell: (e) => `${e.townshipName}${e.villageName ? ` ${e.villageName}` : ''}` },
          { key: 'what', header: '对象', cell: (e) => <Link href={lateEntryHref(e.entityKind, e.entityId)} className="text-blue-700 underline">{lateEntryKindLabels[e.entityKind]}</Link> },
          { key: 'step', header: '环节', cell: (e) => lateEntryStepLabels[e.step] },
          { key: 'stated', header: '环节日期', className: 'tabular-nums whitespace-nowrap', cell: (e) => e.statedOn },
          { key: 'days', header: '晚录（工作日）', numeric: true, cell: (e) => e.workingDaysLate },
          { key: 'reason', header: '补录原因', cell: (e) => <>{e.reason}{e.evidenceRef && <span className="block text-slate-600">公示照片或记录编号：{e.evidenceRef}</span>}</> },
          { key: 'who', header: '经办人', cell: (e) => e.recorderName },
          { key: 'ack', header: '核实', cell: (e) => (e.acknowledgedAt ? `${e.acknowledgerName ?? ''} ${formatDateTime(e.acknowledgedAt)}` : '待核实') },
        ]}
      />
    </div>
  );
}
