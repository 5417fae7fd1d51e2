import type { SessionUser } from '@/lib/auth/types';
import { can } from '@/lib/auth/permissions';
import { monitoredFlagOf, monitoredReasonLabels } from '@/lib/monitoring/population';
import { MonitoredFlagForm } from './monitoring-forms';

/** 动态监测 on the household page: whether a caseworker flagged it (低保边缘, 刚性支出 …), and the form to change it. */
export async function MonitoredSection({ user, householdId, villageCode }: { user: SessionUser; householdId: string; villageCode: string }) {
  if (!can(user.role, 'monitoring.read')) return null;
  const flag = await monitoredFlagOf(user, householdId, villageCode);
  return (
    <section aria-labelledby="h-monitored" className="space-y-2">
      <h2 id="h-monitored" className="text-lg font-semibold">动态监测</h2>
      <p className="text-sm">{flag ? `已列为${monitoredReasonLabels[flag.reason]}${flag.note ? `（${flag.note}）` : ''}。` : '未由经办人列入监测。'}</p>
      {can(user.role, 'monitoring.write') && <MonitoredFlagForm householdId={householdId} current={flag?.reason ?? null} />}
    </section>
  );
}
