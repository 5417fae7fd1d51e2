import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { requireUser } from '@/lib/auth/session';
import { roleLabels } from '@/lib/auth/types';
import { countHouseholds } from '@/lib/households/queries';
import { regionSummary } from '@/lib/regions/queries';

export const metadata: Metadata = { title: '工作台' };

export default async function DashboardPage() {
  const user = await requireUser();
  const regions = await regionSummary(user);
  const households = can(user.role, 'household.read') ? await countHouseholds(user) : null;
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">工作台</h1>
      <p className="text-slate-600">
        {user.name}（{roleLabels[user.role]}），管辖范围：{user.regionName}
      </p>
      <dl className="grid grid-cols-2 gap-4 md:grid-cols-4">
        {regions.county !== undefined && <Stat label="县（市、区）" value={regions.county} />}
        {regions.township !== undefined && <Stat label="乡镇（街道）" value={regions.township} />}
        {regions.village !== undefined && <Stat label="村（社区）" value={regions.village} />}
        {households !== null && (
          <Stat label="在册家庭" value={households}>
            <Link href="/households" className="text-sm text-blue-700 underline">
              查看家庭档案
            </Link>
          </Stat>
        )}
      </dl>
    </div>
  );
}

function Stat({ label, value, children }: { label: string; value: number; children?: React.ReactNode }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold tabular-nums">{value.toLocaleString('zh-CN')}</dd>
      {children}
    </div>
  );
}
