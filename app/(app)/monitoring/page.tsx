import type { Metadata } from 'next';
import Link from 'next/link';
import { monitoringRules, type MonitoringRule } from '@/db/schema';
import { DataTable } from '@/components/ui/data-table';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { todayInChina } from '@/lib/core/time';
import { outcomeLabels, ruleLabels } from '@/lib/monitoring/layout';
import { alertCounts, listAlerts } from '@/lib/monitoring/queries';

export const metadata: Metadata = { title: '监测预警' };

type Search = Record<string, string | string[] | undefined>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function MonitoringPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission('monitoring.read');
  const raw = await searchParams;
  const stateParam = one(raw.state);
  const state = stateParam === 'overdue' || stateParam === 'all' || stateParam === 'mine' ? stateParam : 'open';
  const ruleParam = one(raw.rule);
  const rule = (monitoringRules as readonly string[]).includes(ruleParam ?? '') ? (ruleParam as MonitoringRule) : undefined;
  const [alerts, counts] = await Promise.all([listAlerts(user, { state, rule }), alertCounts(user)]);
  const today = todayInChina();
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">监测预警</h1>
        <span className="flex gap-4 text-sm">
          <Link href="/monitoring/population" className="text-blue-700 underline">监测对象</Link>
          {can(user.role, 'monitoring.import') && <Link href="/monitoring/imports" className="text-blue-700 underline">导入比对数据</Link>}
        </span>
      </div>
      <p className="text-sm">
        待处理 <Link className="text-blue-700 underline" href="/monitoring?state=open">{counts.open}</Link> 条，其中逾期{' '}
        <Link className="text-blue-700 underline" href="/monitoring?state=overdue">{counts.overdue}</Link> 条。已处理：{outcomeLabels.enrolled} {counts.enrolled}、
        {outcomeLabels.temp_aid} {counts.tempAid}、{outcomeLabels.referred} {counts.referred}、{outcomeLabels.no_aid} {counts.noAid}。
      </p>
      <form className="flex flex-wrap gap-3 text-sm" method="get">
        <label>
          状态{' '}
          <select name="state" defaultValue={state} className="rounded border px-2 py-1">
            <option value="open">待处理</option>
            <option value="overdue">逾期</option>
            <option value="mine">由我承办</option>
            <option value="all">全部</option>
          </select>
        </label>
        <label>
          规则{' '}
          <select name="rule" defaultValue={rule ?? ''} className="rounded border px-2 py-1">
            <option value="">全部规则</option>
            {monitoringRules.map((r) => <option key={r} value={r}>{ruleLabels[r]}</option>)}
          </select>
        </label>
        <button type="submit" className="rounded bg-blue-700 px-3 py-1 text-white">筛选</button>
      </form>
      <DataTable
        aria-label="预警列表"
        caption={<span className="text-sm font-normal text-slate-600">共 {alerts.length} 条</span>}
        rows={alerts}
        rowKey={(a) => a.id}
        whenEmpty="message"
        empty="没有符合条件的预警。"
        columns={[
          { key: 'name', header: '对象', cell: (a) => <Link href={`/monitoring/${a.id}`} className="text-blue-700 underline">{a.name}</Link> },
          { key: 'rule', header: '规则', cell: (a) => ruleLabels[a.rule] },
          { key: 'detail', header: '情况', cell: (a) => a.detail },
          { key: 'due', header: '处理期限', className: (a) => (!a.outcome && a.dueOn < today ? 'tabular-nums font-semibold text-red-700' : 'tabular-nums'), cell: (a) => a.dueOn },
          { key: 'outcome', header: '结果', cell: (a) => (a.outcome ? outcomeLabels[a.outcome] : '待处理') },
        ]}
      />
    </div>
  );
}
