import 'server-only';
import { and, desc, eq, inArray, notExists, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, enrollmentAmounts, enrollmentChanges, enrollments } from '@/db/schema';
import { assessApplication } from '@/lib/applications/assess';
import { todayInChina } from '@/lib/core/time';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { enrollmentMessages } from './messages';

/**
 * When standards rise on a new effective date, every active dibao and 特困 enrollment of the
 * county is recomputed as of that month; where the amount changes, a recompute change is
 * proposed for a supervisor to approve (never applied silently). One transaction.
 */
export async function proposeRecomputeForCounty(user: SessionUser, input: { countyCode: string; effectiveMonth: string; reason: string }) {
  assertCan(user, 'enrollment.propose');
  assertCovers(user, input.countyCode);
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(input.effectiveMonth)) throw refuse('invalid_input', enrollmentMessages.badMonth, 'effectiveMonth');
  const db = await getDb();
  const today = todayInChina();
  const asOf = `${input.effectiveMonth}-01` > today ? `${input.effectiveMonth}-01` : today;
  return db.transaction(async (tx) => {
    const rows = await tx
      .select({ e: enrollments, kind: applications.kind })
      .from(enrollments)
      .leftJoin(applications, eq(applications.id, enrollments.applicationId))
      .where(
        and(
          eq(enrollments.countyCode, input.countyCode),
          eq(enrollments.status, 'active'),
          inArray(enrollments.program, ['dibao', 'tekun']),
          notExists(tx.select({ one: sql`1` }).from(enrollmentChanges).where(and(eq(enrollmentChanges.enrollmentId, enrollments.id), eq(enrollmentChanges.state, 'proposed')))),
        ),
      );
    let proposed = 0;
    let skipped = 0;
    for (const { e, kind } of rows) {
      const [current] = await tx.select().from(enrollmentAmounts).where(eq(enrollmentAmounts.enrollmentId, e.id)).orderBy(desc(enrollmentAmounts.effectiveMonth)).limit(1);
      let assessment;
      try {
        assessment = await assessApplication(tx, { kind: kind ?? (e.program === 'tekun' ? 'tekun_dispersed' : e.memberId ? 'dibao_single' : 'dibao_household'), householdId: e.householdId, memberId: e.memberId }, asOf);
      } catch (err) {
        // A household that cannot be assessed (nobody left, say) needs a caseworker's own change: count it, go on.
        if (err instanceof AppError) {
          skipped++;
          continue;
        }
        throw err;
      }
      if (!assessment.eligible || assessment.totalFen === current?.amountFen) continue;
      await tx.insert(enrollmentChanges).values({
        enrollmentId: e.id,
        kind: 'recompute',
        effectiveMonth: input.effectiveMonth,
        amountFen: assessment.totalFen,
        components: assessment,
        reason: input.reason,
        proposedBy: user.id,
      });
      proposed++;
    }
    await recordAudit(tx, user, {
      action: 'enrollment.propose_recompute_all',
      entity: 'county',
      entityId: input.countyCode,
      regionCode: input.countyCode,
      after: { effectiveMonth: input.effectiveMonth, checked: rows.length, proposed, skipped },
      reason: input.reason,
    });
    return { checked: rows.length, proposed, skipped };
  });
}
