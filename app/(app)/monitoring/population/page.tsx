import type { Metadata } from 'next';
import Link from 'next/link';
import { DataTable } from '@/components/ui/data-table';
import { requirePermission } from '@/lib/auth/session';
import { listMonitored, monitoredReasonLabels } from '@/lib/monitoring/population';

export const metadata: Metadata = { title: '监测对象' };

export default async function MonitoredPopulationPage() {
  const user = await requirePermission('monitoring.read');
  const { rows, counts } = await listMonitored(user);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">监测对象</h1>
        <Link href="/monitoring" className="text-sm text-blue-700 underline">返回监测预警</Link>
      </div>
      <p className="text-sm text-slate-600">在册对象之外纳入动态监测的家庭：经办人标记的低保边缘、刚性支出较大家庭，12 个月内退出低保、特困的家庭，以及脱贫户。在家庭档案中可设置或取消标记。</p>
      <p className="text-sm">{counts.length === 0 ? '暂无监测对象。' : counts.map((c) => `${c.label} ${c.count} 户`).join('；')}</p>
      <DataTable
        aria-label="监测对象名单"
        rows={rows}
        rowKey={(r) => r.householdId}
        whenEmpty="message"
        empty="暂无监测对象。"
        columns={[
          { key: 'head', header: '户主', cell: (r) => <Link href={`/households/${r.householdId}`} className="text-blue-700 underline">{r.headName ?? '—'}</Link> },
          { key: 'village', header: '村（社区）', cell: (r) => r.villageName },
          { key: 'address', header: '住址', cell: (r) => r.address },
          { key: 'reasons', header: '监测原因', cell: (r) => r.reasons.map((x) => monitoredReasonLabels[x] ?? x).join('、') },
        ]}
      />
    </div>
  );
}
