import type { Metadata } from 'next';
import { AddStandardForm } from '@/components/policy/add-standard-form';
import { DataTable } from '@/components/ui/data-table';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { componentOf } from '@/lib/policy/components';
import { listFilterRegions } from '@/lib/regions/queries';
import { formatFen } from '@/lib/core/format';
import { listCountyStandardsBelowCity, listStandards } from '@/lib/policy/queries';

export const metadata: Metadata = { title: '政策标准' };

export default async function PolicyPage() {
  const user = await requirePermission('policy.read');
  const [rows, below] = await Promise.all([listStandards(user), listCountyStandardsBelowCity(user)]);
  const manage = can(user.role, 'policy.manage');
  const regions = manage ? (await listFilterRegions(user)).filter((r) => r.level === 'county') : [];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">政策标准</h1>
      <p className="text-sm text-slate-600">标准按生效日期记录，调整即新增一条，历史不改写；县（区）有本级标准时执行本级标准，未单独设定的沿用市标准。</p>
      {below.length > 0 && (
        <section aria-labelledby="h-below" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <h2 id="h-below" className="font-semibold">低于市级标准的县级标准（{below.length}）</h2>
          <p className="mt-1 text-slate-700">县（区）有本级标准时执行本级标准，即使市级标准更新、更高；下列县级标准现已低于市级标准，如需执行市级标准，请为该县新增一条标准。</p>
          <ul className="mt-2 list-disc space-y-1 pl-6">
            {below.map((b) => (
              <li key={`${b.countyCode}-${b.label}`}>
                {b.countyName} {b.label}：本级 {formatFen(b.county.monthlyFen)}/人·月（{b.county.effectiveFrom} 起），市级 {formatFen(b.city.monthlyFen)}/人·月（{b.city.effectiveFrom} 起）
              </li>
            ))}
          </ul>
        </section>
      )}
      {manage && <AddStandardForm regions={[{ code: user.regionCode, name: user.regionName }, ...regions]} />}
      <DataTable
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { key: 'program', header: '项目', className: 'font-mono', cell: (r) => r.program },
          { key: 'component', header: '内容', cell: (r) => componentOf(r.program, r.component)?.label ?? r.component },
          { key: 'region', header: '区划', className: 'whitespace-nowrap', cell: (r) => r.regionName },
          { key: 'from', header: '生效日期', className: 'whitespace-nowrap tabular-nums', cell: (r) => r.effectiveFrom },
          {
            key: 'value',
            header: '数值',
            numeric: true,
            cell: (r) => (r.amountFen !== null ? formatFen(r.amountFen) : r.basisPoints !== null ? `${r.basisPoints / 100}%` : (r.intValue ?? r.textValue)),
          },
          { key: 'note', header: '说明', cell: (r) => r.note },
        ]}
      />
    </div>
  );
}
