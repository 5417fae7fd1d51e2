import type { Metadata } from 'next';
import Link from 'next/link';
import { HouseholdSearch } from '@/components/households/household-search';
import { buttonClass } from '@/components/ui/field';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { searchHouseholds } from '@/lib/households/search';
import { listFilterRegions } from '@/lib/regions/queries';

export const metadata: Metadata = { title: '家庭档案' };

export default async function HouseholdsPage() {
  const user = await requirePermission('household.read');
  const [initial, regions] = await Promise.all([searchHouseholds(user, {}), listFilterRegions(user)]);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-2xl font-semibold">家庭档案</h1>
        {can(user.role, 'household.write') && (
          <div className="flex gap-3">
            <Link href="/households/import" className="rounded border border-blue-700 px-4 py-2 text-blue-700">导入花名册</Link>
            <Link href="/households/new" className={buttonClass}>登记家庭</Link>
          </div>
        )}
      </div>
      <HouseholdSearch initial={initial} regions={regions} />
    </div>
  );
}
