import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { households, monitoredFlags, monitoringAlerts } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { todayInChina } from '@/lib/core/time';
import { policyInt } from '@/lib/policy/values';
import { assignableUsers } from '@/lib/reviews/batch';
import { householdInRegion, monitoredHouseholds } from './match';
import type { assignOwnerSchema, monitoredFlagSchema } from './schemas';

export const monitoredReasonLabels: Record<string, string> = {
  near_dibao: '低保边缘家庭',
  rigid_spending: '刚性支出较大家庭',
  other: '其他需要监测的家庭',
  left_program: '12 个月内退出低保、特困',
  registered_poor: '脱贫户（防止返贫）',
};

/**
 * The monitored population in the user's region (monitoredHouseholds: flagged by a caseworker,
 * left a program in the policy's months, registered-poor households out of poverty), one row per
 * household with every reason, the first 500 by village; and the count by reason.
 */
export async function listMonitored(user: SessionUser) {
  assertCan(user, 'monitoring.read');
  const db = await getDb();
  const today = todayInChina();
  const leftProgramMonths = await policyInt(db, 'monitor', 'left_program_months', user.regionCode, today);
  const inRegion = householdInRegion({ regionCode: user.regionCode, regionLevel: user.regionLevel as never });
  const rows = await db.execute<{ household_id: string; reasons: string[]; address: string; head: string | null; village: string }>(sql`
    WITH p AS (${monitoredHouseholds({ today, leftProgramMonths })})
    SELECT h.id AS household_id, array_agg(DISTINCT p.reason ORDER BY p.reason) AS reasons, h.address,
      (SELECT m.name FROM members m WHERE m.household_id = h.id AND m.is_head AND m.status = 'active' LIMIT 1) AS head,
      v.name AS village
    FROM p JOIN households h ON h.id = p.household_id JOIN regions v ON v.code = h.village_code
    WHERE ${inRegion}
    GROUP BY h.id, v.name, h.village_code
    ORDER BY h.village_code, h.id
    LIMIT 500`);
  const counts = await db.execute<{ reason: string; n: number }>(sql`
    WITH p AS (${monitoredHouseholds({ today, leftProgramMonths })})
    SELECT p.reason, count(DISTINCT p.household_id)::int AS n FROM p JOIN households h ON h.id = p.household_id WHERE ${inRegion} GROUP BY p.reason`);
  const list = rows as unknown as { household_id: string; reasons: string[]; address: string; head: string | null; village: string }[];
  return {
    rows: list.map((r) => ({ householdId: r.household_id, reasons: r.reasons, address: r.address, headName: r.head, villageName: r.village })),
    counts: (counts as unknown as { reason: string; n: number }[]).map((c) => ({ reason: c.reason, label: monitoredReasonLabels[c.reason] ?? c.reason, count: Number(c.n) })),
  };
}

/** A caseworker's flag on a household (低保边缘, 刚性支出 …), or its removal (reason 'none'). */
export async function setMonitoredFlag(user: SessionUser, input: z.output<typeof monitoredFlagSchema>) {
  assertCan(user, 'monitoring.write');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [h] = await tx.select({ id: households.id, villageCode: households.villageCode }).from(households).where(eq(households.id, input.householdId));
    assertCovers(user, h?.villageCode);
    if (!h) throw new AppError('not_found');
    const [before] = await tx.select().from(monitoredFlags).where(eq(monitoredFlags.householdId, h.id)).for('update');
    if (input.reason === 'none') {
      await tx.delete(monitoredFlags).where(eq(monitoredFlags.householdId, h.id));
    } else {
      await tx
        .insert(monitoredFlags)
        .values({ householdId: h.id, reason: input.reason, note: input.note ?? null, setBy: user.id })
        .onConflictDoUpdate({ target: monitoredFlags.householdId, set: { reason: input.reason, note: input.note ?? null, setBy: user.id, setAt: new Date() } });
    }
    const entry = { action: 'monitoring.flag' as const, regionCode: h.villageCode, before: { monitoredReason: before?.reason ?? null }, after: { monitoredReason: input.reason === 'none' ? null : input.reason }, reason: input.note ?? null };
    await recordAudit(tx, user, { ...entry, entity: 'household', entityId: h.id });
    return { householdId: h.id };
  });
}

export async function monitoredFlagOf(user: SessionUser, householdId: string, villageCode: string) {
  assertCan(user, 'monitoring.read');
  assertCovers(user, villageCode);
  const db = await getDb();
  const [f] = await db.select().from(monitoredFlags).where(eq(monitoredFlags.householdId, householdId));
  return f ?? null;
}

/** A supervisor names who handles an open alert: a caseworker or supervisor of its township. */
export async function assignAlertOwner(user: SessionUser, input: z.output<typeof assignOwnerSchema>) {
  assertCan(user, 'monitoring.assign');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [a] = await tx.select().from(monitoringAlerts).where(eq(monitoringAlerts.id, input.alertId)).for('update');
    assertCovers(user, a?.villageCode);
    if (!a) throw new AppError('not_found');
    if (a.outcome !== null) throw refuse('precondition', '该预警已登记处理结果', 'ownerId');
    const owner = (await assignableUsers(tx, a.townshipCode)).find((u) => u.id === input.ownerId);
    if (!owner) throw refuse('invalid_input', '承办人须是负责该乡镇（街道）的经办人员或审核审批人员', 'ownerId');
    await tx.update(monitoringAlerts).set({ ownerId: owner.id }).where(and(eq(monitoringAlerts.id, a.id)));
    await recordAudit(tx, user, { action: 'monitoring.assign', entity: 'monitoring_alert', entityId: a.id, regionCode: a.villageCode, after: { assigneeName: owner.name } });
    return { ownerId: owner.id };
  });
}

/** Whom a supervisor may name as an alert's owner: the staff of its township. */
export async function alertAssignees(user: SessionUser, alert: { townshipCode: string; villageCode: string }) {
  assertCan(user, 'monitoring.assign');
  assertCovers(user, alert.villageCode);
  return (await assignableUsers(await getDb(), alert.townshipCode)).map((u) => ({ id: u.id, name: u.name }));
}
