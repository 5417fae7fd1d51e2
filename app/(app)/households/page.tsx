import type { Metadata } from 'next';
import Link from 'next/link';
import { requirePermission } from '@/lib/auth/session';
import { listHouseholds } from '@/lib/households/queries';

export const metadata: Metadata = { title: '家庭档案' };

export default async function HouseholdsPage({ searchParams }: { searchParams: Promise<{ after?: string }> }) {
  const user = await requirePermission('household.read');
  const { after } = await searchParams;
  const { rows, nextCursor } = await listHouseholds(user, { after: after && /^[0-9a-f-]{36}$/.test(after) ? after : undefined });
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">家庭档案</h1>
      {rows.length === 0 ? (
        <p className="text-slate-600">您的管辖范围内还没有登记家庭。</p>
      ) : (
        <table className="w-full border-collapse bg-white text-sm">
          <caption className="sr-only">家庭列表</caption>
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="p-2">户主</th>
              <th scope="col" className="p-2">身份证号</th>
              <th scope="col" className="p-2">乡镇</th>
              <th scope="col" className="p-2">村</th>
              <th scope="col" className="p-2">地址</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((h) => (
              <tr key={h.id} className="border-b border-slate-100">
                <td className="p-2">
                  <Link href={`/households/${h.id}`} className="text-blue-700 underline">
                    {h.headName ?? '（无户主）'}
                  </Link>
                </td>
                <td className="p-2 font-mono">{h.headIdMasked}</td>
                <td className="p-2">{h.townshipName}</td>
                <td className="p-2">{h.villageName}</td>
                <td className="p-2">{h.address}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {nextCursor && (
        <Link href={`/households?after=${nextCursor}`} className="text-blue-700 underline">
          下一页
        </Link>
      )}
    </div>
  );
}
