import 'server-only';
import { and, asc, eq, isNull, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { households, members, monitoringAlerts, users, type MonitoringRule } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { todayInChina } from '@/lib/core/time';

const scope = (user: SessionUser) => regionScope(user, { county: monitoringAlerts.countyCode, township: monitoringAlerts.townshipCode, village: monitoringAlerts.villageCode });

/** Alerts in the user's region: open, overdue (open past its deadline) or all, optionally of one rule. */
export async function listAlerts(user: SessionUser, filter: { state?: 'open' | 'overdue' | 'all' | 'mine'; rule?: MonitoringRule } = {}, now: Date = new Date()) {
  assertCan(user, 'monitoring.read');
  const db = await getDb();
  const state = filter.state ?? 'open';
  return db
    .select({ id: monitoringAlerts.id, rule: monitoringAlerts.rule, detail: monitoringAlerts.detail, dueOn: monitoringAlerts.dueOn, outcome: monitoringAlerts.outcome, name: members.name, householdId: monitoringAlerts.householdId })
    .from(monitoringAlerts)
    .innerJoin(members, eq(members.id, monitoringAlerts.memberId))
    .where(
      and(
        scope(user),
        state === 'all' ? undefined : isNull(monitoringAlerts.outcome),
        state === 'overdue' ? lt(monitoringAlerts.dueOn, todayInChina(now)) : undefined,
        state === 'mine' ? eq(monitoringAlerts.ownerId, user.id) : undefined,
        filter.rule ? eq(monitoringAlerts.rule, filter.rule) : undefined,
      ),
    )
    .orderBy(asc(monitoringAlerts.dueOn), asc(monitoringAlerts.id))
    .limit(500);
}

/** Open and overdue counts, and closed alerts by outcome, for the dashboards and reports. */
export async function alertCounts(user: SessionUser, now: Date = new Date()) {
  assertCan(user, 'monitoring.read');
  const db = await getDb();
  const [row] = await db
    .select({
      open: sql<number>`count(*) filter (where ${monitoringAlerts.outcome} is null)::int`,
      overdue: sql<number>`count(*) filter (where ${monitoringAlerts.outcome} is null and ${monitoringAlerts.dueOn} < ${todayInChina(now)})::int`,
      enrolled: sql<number>`count(*) filter (where ${monitoringAlerts.outcome} = 'enrolled')::int`,
      tempAid: sql<number>`count(*) filter (where ${monitoringAlerts.outcome} = 'temp_aid')::int`,
      referred: sql<number>`count(*) filter (where ${monitoringAlerts.outcome} = 'referred')::int`,
      noAid: sql<number>`count(*) filter (where ${monitoringAlerts.outcome} = 'no_aid')::int`,
    })
    .from(monitoringAlerts)
    .where(scope(user));
  return row!;
}

/** One alert with its person and household, or null when it is missing or outside the region. */
export async function getAlert(user: SessionUser, id: string) {
  assertCan(user, 'monitoring.read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ alert: monitoringAlerts, name: members.name, address: households.address, ownerName: users.name })
    .from(monitoringAlerts)
    .leftJoin(users, eq(users.id, monitoringAlerts.ownerId))
    .innerJoin(members, eq(members.id, monitoringAlerts.memberId))
    .innerJoin(households, eq(households.id, monitoringAlerts.householdId))
    .where(and(eq(monitoringAlerts.id, id), scope(user)));
  return row ?? null;
}
