import type { Metadata } from 'next';
import { IntakeForm } from '@/components/complaints/intake-form';
import { requirePermission } from '@/lib/auth/session';
import { staffInScope } from '@/lib/complaints/queries';
import { isUuid } from '@/lib/core/uuid';
import { todayInChina } from '@/lib/core/time';
import { listFilterRegions } from '@/lib/regions/queries';

export const metadata: Metadata = { title: '登记投诉举报' };

/** Entered from a record's own page (?householdId=…, ?applicationId=…, ?enrollmentId=…): the verb checks it may be seen. */
export default async function NewComplaintPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const user = await requirePermission('complaint.intake');
  const params = await searchParams;
  const links: Record<string, string> = {};
  for (const key of ['householdId', 'applicationId', 'enrollmentId'] as const) {
    const v = params[key];
    if (v && isUuid(v)) links[key] = v;
  }
  const [regions, staff] = await Promise.all([listFilterRegions(user), staffInScope(user)]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">登记投诉举报</h1>
      {Object.keys(links).length > 0 && <p className="text-sm text-slate-600">将关联到来源记录。</p>}
      <IntakeForm today={todayInChina()} regions={regions.map((r) => ({ code: r.code, name: r.name }))} staff={staff} links={links} />
    </div>
  );
}
