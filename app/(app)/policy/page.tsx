import type { Metadata } from 'next';
import { AddStandardForm } from '@/components/policy/add-standard-form';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { componentOf } from '@/lib/policy/components';
import { listFilterRegions } from '@/lib/regions/queries';
import { formatFen } from '@/lib/core/format';
import { listStandards } from '@/lib/policy/queries';

export const metadata: Metadata = { title: '政策标准' };

export default async function PolicyPage() {
  const user = await requirePermission('policy.read');
  const rows = await listStandards(user);
  const manage = can(user.role, 'policy.manage');
  const regions = manage ? (await listFilterRegions(user)).filter((r) => r.level === 'county') : [];
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">政策标准</h1>
      <p className="text-sm text-slate-600">标准按生效日期记录，调整即新增一条，历史不改写；县未单独设定的沿用市标准。</p>
      {manage && <AddStandardForm regions={[{ code: user.regionCode, name: user.regionName }, ...regions]} />}
      <table className="w-full border-collapse bg-white text-sm">
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="p-2">项目</th>
            <th scope="col" className="p-2">内容</th>
            <th scope="col" className="p-2">区划</th>
            <th scope="col" className="p-2">生效日期</th>
            <th scope="col" className="p-2 text-right">数值</th>
            <th scope="col" className="p-2">说明</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100">
              <td className="p-2 font-mono">{r.program}</td>
              <td className="p-2">{componentOf(r.program, r.component)?.label ?? r.component}</td>
              <td className="p-2">{r.regionName}</td>
              <td className="p-2 tabular-nums">{r.effectiveFrom}</td>
              <td className="p-2 text-right tabular-nums">
                {r.amountFen !== null ? formatFen(r.amountFen) : r.basisPoints !== null ? `${r.basisPoints / 100}%` : (r.intValue ?? r.textValue)}
              </td>
              <td className="p-2">{r.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
