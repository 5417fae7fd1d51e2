import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { NewApplicationForm } from '@/components/applications/new-application-form';
import { requirePermission } from '@/lib/auth/session';
import { getHouseholdDetail } from '@/lib/households/detail';

export const metadata: Metadata = { title: '新建申请' };

export default async function NewApplicationPage({ searchParams }: { searchParams: Promise<{ household?: string }> }) {
  const user = await requirePermission('application.write');
  const { household: householdId } = await searchParams;
  const household = householdId ? await getHouseholdDetail(user, householdId) : null;
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
