import type { Metadata } from 'next';
import { PriceSubsidyForm } from '@/components/payouts/price-subsidy-form';
import { DataTable } from '@/components/ui/data-table';
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
      <DataTable
        caption="已发布"
        rows={rows}
        rowKey={(r) => r.id}
        columns={[
          { key: 'month', header: '月份', className: 'tabular-nums', cell: (r) => r.month },
          { key: 'region', header: '地区', cell: (r) => r.regionName },
          { key: 'perPerson', header: '每人金额', numeric: true, cell: (r) => formatFen(r.perPersonFen) },
          { key: 'programs', header: '对象', cell: (r) => r.programs.map((p) => programLabels[p] ?? p).join('、') },
          { key: 'note', header: '文件依据', cell: (r) => r.note },
          { key: 'declared', header: '发布', cell: (r) => <>{r.declaredByName} {formatDateTime(r.createdAt)}</> },
        ]}
      />
    </div>
  );
}
