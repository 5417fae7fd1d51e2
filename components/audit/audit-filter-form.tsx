import Link from 'next/link';
import { inputClass } from '@/components/ui/field';
import { actionGroups } from '@/lib/audit/action-groups';
import { auditTabLabels, filterParams, tabOf, type AuditFilter, type AuditTab } from '@/lib/audit/filter';
import { auditEntityLabels } from '@/lib/audit/labels';

interface Props {
  filter: AuditFilter;
  actors: { id: string; name: string; username: string }[];
  regions: { code: string; name: string; level: string }[];
  canExport: boolean;
}

/** 操作记录 / 登录记录: two views of the log; switching keeps the filter but the action. */
export function AuditTabs({ filter }: { filter: AuditFilter }) {
  const current = tabOf(filter);
  return (
    <nav aria-label="记录类别" className="flex gap-2 border-b border-slate-200">
      {(Object.entries(auditTabLabels) as [AuditTab, string][]).map(([tab, label]) => (
        <Link
          key={tab}
          href={`/audit?${filterParams({ ...filter, action: undefined, tab }).toString()}`}
          aria-current={tab === current ? 'page' : undefined}
          className={`-mb-px border-b-2 px-4 py-2 ${tab === current ? 'border-blue-700 font-semibold text-blue-800' : 'border-transparent text-slate-600'}`}
        >
          {label}
        </Link>
      ))}
    </nav>
  );
}

/** The log's filter: a GET form (the filter is the URL; works without JavaScript); export posts the same fields. */
export function AuditFilterForm({ filter, actors, regions, canExport }: Props) {
  const tab = tabOf(filter);
  return (
    <form method="get" action="/audit" className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-4" aria-label="筛选审计日志">
      <input type="hidden" name="tab" value={tab} />
      <div>
        <label htmlFor="actor" className="block text-sm font-medium">操作人</label>
        <select id="actor" name="actor" defaultValue={filter.actor ?? ''} className={inputClass}>
          <option value="">全部</option>
          {actors.map((a) => <option key={a.id} value={a.id}>{a.name}（{a.username}）</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="action" className="block text-sm font-medium">操作</label>
        <select id="action" name="action" defaultValue={filter.action ?? ''} className={inputClass}>
          <option value="">全部</option>
          {actionGroups(tab === 'signins').map((g) => (
            <optgroup key={g.label} label={g.label}>
              {g.actions.map(([code, label]) => <option key={code} value={code}>{label}</option>)}
            </optgroup>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="entity" className="block text-sm font-medium">对象类型</label>
        <select id="entity" name="entity" defaultValue={filter.entity ?? ''} className={inputClass}>
          <option value="">全部</option>
          {Object.entries(auditEntityLabels).map(([code, label]) => <option key={code} value={code}>{label}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="entityId" className="block text-sm font-medium">对象编号</label>
        <input id="entityId" name="entityId" defaultValue={filter.entityId ?? ''} className={inputClass} />
      </div>
      <div>
        <label htmlFor="region" className="block text-sm font-medium">地区</label>
        <select id="region" name="region" defaultValue={filter.region ?? ''} className={inputClass}>
          <option value="">全部（本人管辖范围）</option>
          {regions.map((r) => <option key={r.code} value={r.code}>{r.level === 'township' ? `　${r.name}` : r.name}</option>)}
        </select>
      </div>
      <div>
        <label htmlFor="from" className="block text-sm font-medium">开始日期</label>
        <input id="from" name="from" type="date" defaultValue={filter.from ?? ''} className={inputClass} />
      </div>
      <div>
        <label htmlFor="to" className="block text-sm font-medium">结束日期</label>
        <input id="to" name="to" type="date" defaultValue={filter.to ?? ''} className={inputClass} />
      </div>
      <div>
        <label htmlFor="q" className="block text-sm font-medium">原因包含</label>
        <input id="q" name="q" defaultValue={filter.q ?? ''} maxLength={40} className={inputClass} />
      </div>
      <div className="flex items-end gap-2 md:col-span-4">
        <button type="submit" className="rounded bg-blue-700 px-4 py-2 text-white">查询</button>
        {canExport && (
          <button type="submit" formAction="/api/audit/export" formMethod="post" className="rounded border border-blue-700 px-3 py-2 text-sm text-blue-700">
            导出 Excel
          </button>
        )}
        <Link href={`/audit?tab=${tab}`} className="px-2 py-2 text-sm text-blue-700 underline">清除筛选</Link>
      </div>
    </form>
  );
}
