import type { Metadata } from 'next';
import { requirePermission } from '@/lib/auth/session';
import { formatFen } from '@/lib/format';
import { listStandards } from '@/lib/policy/queries';

export const metadata: Metadata = { title: '政策标准' };

export default async function PolicyPage() {
  const user = await requirePermission('policy.read');
  const rows = await listStandards(user);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">政策标准</h1>
      <p className="text-sm text-slate-600">标准按生效日期记录，调整即新增一条，历史不改写；县未单独设定的沿用市标准。</p>
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
              <td className="p-2 font-mono">{r.component}</td>
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
