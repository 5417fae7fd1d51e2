import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { ChooseHousehold } from '@/components/applications/choose-household';
import { NewApplicationForm } from '@/components/applications/new-application-form';
import { requirePermission } from '@/lib/auth/session';
import { getHouseholdDetail } from '@/lib/households/detail';
import { searchHouseholds } from '@/lib/households/search';

export const metadata: Metadata = { title: '新建申请' };

export default async function NewApplicationPage({ searchParams }: { searchParams: Promise<{ household?: string }> }) {
  const user = await requirePermission('application.write');
  const { household: householdId } = await searchParams;
  if (!householdId) {
    // No household chosen yet (the 新建申请 button of the list): choose one among the user's own.
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">新建申请：选择家庭</h1>
        <p className="text-sm text-slate-600">
          申请以家庭为单位办理。请查找申请家庭；尚未登记的家庭请先<Link href="/households/new" className="text-blue-700 underline">登记家庭</Link>。
        </p>
        <ChooseHousehold initial={await searchHouseholds(user, {})} />
      </div>
    );
  }
  const household = await getHouseholdDetail(user, householdId);
  if (!household) notFound();
  const active = household.members.filter((m) => m.status === 'active');
  const head = active.find((m) => m.isHead);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">新建申请：{head ? `${head.name}户` : ''}</h1>
      <NewApplicationForm householdId={household.id} members={active.map((m) => ({ id: m.id, name: m.name, relation: m.relation }))} />
    </div>
  );
}
