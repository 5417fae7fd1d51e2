import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AlertOutcomeForm } from '@/components/monitoring/outcome-form';
import { AssignOwnerForm } from '@/components/monitoring/monitoring-forms';
import { alertAssignees } from '@/lib/monitoring/population';
import { alertOutcomes } from '@/db/schema';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/core/time';
import { outcomeLabels, ruleLabels } from '@/lib/monitoring/layout';
import { getAlert } from '@/lib/monitoring/queries';

export const metadata: Metadata = { title: '预警' };

export default async function AlertPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('monitoring.read');
  const row = await getAlert(user, (await params).id);
  if (!row) notFound();
  const a = row.alert;
  const overdue = a.outcome === null && a.dueOn < todayInChina();
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">预警：{row.name}（{ruleLabels[a.rule]}）</h1>
        <Link href="/monitoring" className="text-sm text-blue-700 underline">返回监测预警</Link>
      </div>
      <dl className="grid gap-x-6 gap-y-2 rounded-lg border border-slate-200 bg-white p-4 text-sm md:grid-cols-3">
        <div className="md:col-span-3"><dt className="text-slate-500">情况</dt><dd>{a.detail}</dd></div>
        <div><dt className="text-slate-500">家庭住址</dt><dd>{row.address}</dd></div>
        <div><dt className="text-slate-500">处理期限</dt><dd className={overdue ? 'font-semibold text-red-700' : ''}>{a.dueOn}{overdue ? '（已逾期）' : ''}</dd></div>
        <div><dt className="text-slate-500">承办人</dt><dd>{row.ownerName ?? '乡镇经办人员'}</dd></div>
        <div><dt className="text-slate-500">家庭档案</dt><dd><Link href={`/households/${a.householdId}`} className="text-blue-700 underline">查看家庭档案</Link></dd></div>
        {a.outcome && <div className="md:col-span-3"><dt className="text-slate-500">处理结果</dt><dd>{outcomeLabels[a.outcome]}{a.outcomeReason ? `：${a.outcomeReason}` : ''}</dd></div>}
      </dl>
      {a.outcome === null && can(user.role, 'monitoring.assign') && <AssignOwnerForm alertId={a.id} users={await alertAssignees(user, a)} />}
      {a.outcome === null && can(user.role, 'monitoring.write') && <AlertOutcomeForm alertId={a.id} outcomes={alertOutcomes.map((o) => ({ value: o, label: outcomeLabels[o] }))} />}
    </div>
  );
}
