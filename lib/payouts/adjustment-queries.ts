import 'server-only';
import { and, desc, eq, inArray, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { enrollments, households, members, payoutAdjustments, payoutLines, payoutRuns, users } from '@/db/schema';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';

const creator = alias(users, 'creator');
const canceller = alias(users, 'canceller');

/**
 * The household's 补发 and 扣回, newest first: who entered each and why, the months of approved
 * runs that took it (then it can no longer be withdrawn), and, once withdrawn, who, when and why.
 */
export async function householdAdjustments(user: SessionUser, householdId: string) {
  assertCan(user, 'payout.read');
  const db = await getDb();
  const [h] = await db.select({ villageCode: households.villageCode }).from(households).where(eq(households.id, householdId));
  assertCovers(user, h?.villageCode);
  const rows = await db
    .select({ a: payoutAdjustments, program: enrollments.program, memberName: members.name, createdByName: creator.name, cancelledByName: canceller.name })
    .from(payoutAdjustments)
    .innerJoin(enrollments, eq(enrollments.id, payoutAdjustments.enrollmentId))
    .leftJoin(members, eq(members.id, enrollments.memberId))
    .leftJoin(creator, eq(creator.id, payoutAdjustments.createdBy))
    .leftJoin(canceller, eq(canceller.id, payoutAdjustments.cancelledBy))
    .where(eq(enrollments.householdId, householdId))
    .orderBy(desc(payoutAdjustments.createdAt))
    .limit(200);
  const ids = rows.map((r) => r.a.id);
  const taken = ids.length
    ? await db
        .select({ source: payoutLines.sourceId, month: payoutLines.month })
        .from(payoutLines)
        .innerJoin(payoutRuns, eq(payoutRuns.id, payoutLines.runId))
        .where(and(inArray(payoutLines.kind, ['arrears', 'recovery']), inArray(payoutLines.sourceId, ids), ne(payoutRuns.state, 'draft')))
    : [];
  const months = new Map<string, string[]>();
  for (const t of taken) months.set(t.source!, [...(months.get(t.source!) ?? []), t.month].sort());
  return rows.map(({ a, program, memberName, createdByName, cancelledByName }) => {
    const takenMonths = months.get(a.id) ?? [];
    return {
      id: a.id,
      kind: a.kind,
      program,
      memberName,
      totalFen: a.totalFen,
      perMonthFen: a.perMonthFen,
      forMonth: a.forMonth,
      startMonth: a.startMonth,
      reason: a.reason,
      createdAt: a.createdAt,
      createdByName,
      takenMonths,
      cancelledAt: a.cancelledAt,
      cancelledByName,
      cancelReason: a.cancelReason,
      // Open: neither withdrawn nor taken by an approved run, so it may still be withdrawn.
      open: !a.cancelledAt && takenMonths.length === 0,
    };
  });
}
export type HouseholdAdjustment = Awaited<ReturnType<typeof householdAdjustments>>[number];
