import Link from 'next/link';
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { AccountChangeSection } from '@/components/households/detail/account-change-section';
import { AssetsSection } from '@/components/households/detail/assets-section';
import { HouseholdHeader } from '@/components/households/detail/household-header';
import { IncomeSection } from '@/components/households/detail/income-section';
import { MembersSection } from '@/components/households/detail/members-section';
import { TimelineSection } from '@/components/households/detail/timeline-section';
import { EnrollmentsSection } from '@/components/enrollments/enrollments-section';
import { PayoutHistorySection } from '@/components/payouts/payout-history-section';
import { HouseholdAidSection } from '@/components/temp-aid/household-aid-section';
import { NoticesSection } from '@/components/notices/notices-section';
import { MessagesSection } from '@/components/messages/messages-section';
import { DocumentsSection } from '@/components/documents/documents-section';
import { MonitoredSection } from '@/components/monitoring/monitored-section';
import { can } from '@/lib/auth/permissions';
import { requirePermission } from '@/lib/auth/session';
import { getHouseholdDetail } from '@/lib/households/detail';

export const metadata: Metadata = { title: '家庭详情' };

export default async function HouseholdPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ registered?: string }> }) {
  const user = await requirePermission('household.read');
  const household = await getHouseholdDetail(user, (await params).id);
  if (!household) notFound();
  const { registered } = await searchParams;
  // Auditors read everything in scope and change nothing: they get no change forms.
  const canWrite = can(user.role, 'household.write');

  return (
    <div className="space-y-6">
      {registered && <p role="status" className="rounded bg-green-50 px-3 py-2 text-green-800">家庭已登记。</p>}
      <HouseholdHeader household={household} canWrite={canWrite} canApply={can(user.role, 'application.write')} />
      <AccountChangeSection household={household} userId={user.id} canWrite={canWrite} />
      <MembersSection household={household} canWrite={canWrite} canApply={can(user.role, 'application.write')} />
      <EnrollmentsSection user={user} householdId={household.id} />
      <PayoutHistorySection user={user} householdId={household.id} />
      <HouseholdAidSection user={user} householdId={household.id} />
      <NoticesSection user={user} householdId={household.id} villageCode={household.villageCode} />
      <MessagesSection user={user} householdId={household.id} villageCode={household.villageCode} />
      <DocumentsSection user={user} owner={{ ownerType: 'household', ownerId: household.id }} archiveHref={`/api/households/${household.id}/archive`} />
      <MonitoredSection user={user} householdId={household.id} villageCode={household.villageCode} />
      {can(user.role, 'complaint.intake') && (
        <p>
          <Link href={`/complaints/new?householdId=${household.id}`} className="text-blue-700 underline">登记投诉举报</Link>
        </p>
      )}
      <IncomeSection household={household} canWrite={canWrite} />
      <AssetsSection household={household} canWrite={canWrite} />
      <TimelineSection timeline={household.timeline} />
    </div>
  );
}
