import type { Metadata } from 'next';
import Link from 'next/link';
import { FundMovementForm } from '@/components/temp-aid/fund-form';
import { SortableDataTable } from '@/components/ui/sortable-data-table';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { formatDateTime, formatFen } from '@/lib/core/format';
import { todayInChina } from '@/lib/core/time';
import { listFunds, listTownshipsInScope } from '@/lib/temp-aid/fund-queries';

export const metadata: Metadata = { title: '乡镇临时救助备用金' };

export default async function FundsPage() {
  const user = await requirePermission('tempaid.read');
  const manage = can(user.role, 'fund.manage');
  const [funds, townships] = await Promise.all([listFunds(user), manage ? listTownshipsInScope(user) : []]);
  const total = funds.reduce((s, f) => s + f.balanceFen, 0);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">乡镇临时救助备用金</h1>
      <section aria-label="备用金余额">
        <SortableDataTable
          caption="备用金余额"
          captionHidden
          rows={funds}
          rowKey={(f) => f.id}
          whenEmpty="message"
          empty="管辖范围内尚未设立备用金。"
          columns={[
            {
              key: 'township',
              header: '乡镇',
              sortValue: (f) => f.townshipName,
              footer: '合计',
              cell: (f) => <Link href={`/temp-aid/funds/${f.id}`} className="text-blue-700 underline">{f.townshipName}</Link>,
            },
            { key: 'balance', header: '余额', numeric: true, sortValue: (f) => f.balanceFen, footer: formatFen(total), cell: (f) => formatFen(f.balanceFen) },
            { key: 'updated', header: '最近变动', className: 'tabular-nums', sortValue: (f) => f.updatedAt.getTime(), footer: '', cell: (f) => formatDateTime(f.updatedAt) },
          ]}
        />
      </section>
      {manage && <FundMovementForm townships={townships} today={todayInChina()} />}
    </div>
  );
}
