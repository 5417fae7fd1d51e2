import type { Metadata } from 'next';
import { PriceSubsidyForm } from '@/components/payouts/price-subsidy-form';
import { todayInChina } from '@/lib/core/time';
import { requirePermission } from '@/lib/auth/session';
import { formatDateTime, formatFen } from '@/lib/core/format';
import { programLabels } from '@/lib/payouts/labels';
import { listPriceSubsidies, subsidyRegionsFor } from '@/lib/payouts/queries';
import { addMonthsToMonth } from '@/lib/core/calendar-date';

export const metadata: Metadata = { title: '价格临时补贴' };

export default async function PriceSubsidiesPage() {
  const user = await requirePermission('price_subsidy.manage');
  const [rows, regions] = await Promise.all([listPriceSubsidies(user), subsidyRegionsFor(user)]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">价格临时补贴</h1>
      <p className="text-sm text-slate-600">按月发布；该月各县（区）的发放批次按户计发，每户金额 = 每人金额 × 所选项目的在保人数（同一人只计一次）。</p>
      <PriceSubsidyForm regions={regions} defaultMonth={addMonthsToMonth(todayInChina().slice(0, 7), 1)} />
      <table className="w-full border-collapse bg-white text-sm">
        <caption className="text-left font-semibold">已发布</caption>
        <thead>
          <tr className="border-b border-slate-200 text-left">
            <th scope="col" className="p-2">月份</th>
            <th scope="col" className="p-2">地区</th>
            <th scope="col" className="p-2">每人金额</th>
            <th scope="col" className="p-2">对象</th>
            <th scope="col" className="p-2">文件依据</th>
            <th scope="col" className="p-2">发布</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-100">
              <td className="p-2 tabular-nums">{r.month}</td>
              <td className="p-2">{r.regionName}</td>
              <td className="p-2 tabular-nums">{formatFen(r.perPersonFen)}</td>
              <td className="p-2">{r.programs.map((p) => programLabels[p] ?? p).join('、')}</td>
              <td className="p-2">{r.note}</td>
              <td className="p-2">{r.declaredByName} {formatDateTime(r.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
