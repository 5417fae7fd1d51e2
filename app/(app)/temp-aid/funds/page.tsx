import type { Metadata } from 'next';
import Link from 'next/link';
import { FundMovementForm } from '@/components/temp-aid/fund-form';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { formatDateTime, formatFen } from '@/lib/core/format';
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
        {funds.length === 0 ? (
          <p className="text-sm text-slate-600">管辖范围内尚未设立备用金。</p>
        ) : (
          <table className="w-full border-collapse bg-white text-sm">
            <thead>
              <tr className="border-b border-slate-200 text-left">
                <th scope="col" className="p-2">乡镇</th>
                <th scope="col" className="p-2">余额</th>
                <th scope="col" className="p-2">最近变动</th>
              </tr>
            </thead>
            <tbody>
              {funds.map((f) => (
                <tr key={f.id} className="border-b border-slate-100">
                  <td className="p-2"><Link href={`/temp-aid/funds/${f.id}`} className="text-blue-700 underline">{f.townshipName}</Link></td>
                  <td className="p-2 tabular-nums">{formatFen(f.balanceFen)}</td>
                  <td className="p-2 tabular-nums">{formatDateTime(f.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr><th scope="row" className="p-2 text-left">合计</th><td className="p-2 tabular-nums font-semibold">{formatFen(total)}</td><td /></tr>
            </tfoot>
          </table>
        )}
      </section>
      {manage && <FundMovementForm townships={townships} />}
    </div>
  );
}
