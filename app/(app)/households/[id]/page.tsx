import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { requirePermission } from '@/lib/auth/session';
import { getHousehold } from '@/lib/households/queries';

export const metadata: Metadata = { title: '家庭详情' };

const statusLabels = { active: '在户', moved_out: '已迁出', deceased: '已故' } as const;

export default async function HouseholdPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission('household.read');
  const household = await getHousehold(user, (await params).id);
  if (!household) notFound();
  const head = household.members.find((m) => m.relation === '本人' || m.relation === '户主');
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{head ? `${head.name}户` : '家庭详情'}</h1>
      <p className="text-slate-600">
        {household.townshipName} {household.villageName} · {household.address} · {household.kind === 'rural' ? '农村' : '城市'}
        {household.registeredPoor ? ' · 建档立卡户' : ''}
      </p>
      <section aria-labelledby="members-heading">
        <h2 id="members-heading" className="text-lg font-semibold">家庭成员</h2>
        <table className="mt-2 w-full border-collapse bg-white text-sm">
          <thead>
            <tr className="border-b border-slate-200 text-left">
              <th scope="col" className="p-2">姓名</th>
              <th scope="col" className="p-2">与户主关系</th>
              <th scope="col" className="p-2">身份证号</th>
              <th scope="col" className="p-2">状态</th>
            </tr>
          </thead>
          <tbody>
            {household.members.map((m) => (
              <tr key={m.id} className="border-b border-slate-100">
                <td className="p-2">{m.name}</td>
                <td className="p-2">{m.relation}</td>
                <td className="p-2 font-mono">{m.idMasked}</td>
                <td className="p-2">{statusLabels[m.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
