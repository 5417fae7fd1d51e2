import type { Metadata } from 'next';
import Link from 'next/link';
import { MonitoringImportForm } from '@/components/monitoring/import-form';
import { monitoringFileKinds } from '@/db/schema';
import { requirePermission } from '@/lib/auth/session';
import { monitoringLayouts } from '@/lib/monitoring/layout';

export const metadata: Metadata = { title: '导入比对数据' };

export default async function MonitoringImportsPage() {
  await requirePermission('monitoring.import');
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">导入比对数据</h1>
        <Link href="/monitoring" className="text-sm text-blue-700 underline">返回监测预警</Link>
      </div>
      <p className="text-sm text-slate-600">其他部门提供的比对文件整份导入：有任何一行错误时不导入任何数据，并列出每处错误的行号、列和原因。导入后按预警规则与在册家庭比对，同一情况不会重复预警。</p>
      <MonitoringImportForm kinds={monitoringFileKinds.map((k) => ({ value: k, label: `${monitoringLayouts[k].label}（${monitoringLayouts[k].source}）` }))} />
      <section aria-labelledby="h-layouts" className="space-y-3">
        <h2 id="h-layouts" className="text-lg font-semibold">文件格式</h2>
        {monitoringFileKinds.map((k) => (
          <div key={k}>
            <h3 className="font-medium">{monitoringLayouts[k].label}（{monitoringLayouts[k].source}）</h3>
            <p className="text-sm">第一行为列名：{monitoringLayouts[k].columns.map((c) => `${c.header}（${c.description}）`).join('；')}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
