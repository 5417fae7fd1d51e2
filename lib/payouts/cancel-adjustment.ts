import 'server-only';
import { and, asc, eq, isNull, ne } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { enrollments, payoutAdjustments, payoutLines, payoutRuns } from '@/db/schema';
import { recordAudit, type AuditEntry } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { adjustmentCancelCheck } from './rules';
import type { cancelAdjustmentSchema } from './schemas';
import { isUuid } from '@/lib/core/uuid';

/**
 * Withdraws a 补发 or 扣回 with a written reason, by whoever may enter one for the enrollment's
 * area, while no approved run has taken any of it. The row is kept (cancelled_by, cancelled_at,
 * cancel_reason) and both the adjustment and the household's timeline get an audit row. A draft
 * that holds its line drops it when regenerated, and cannot be approved before (approve-run.ts).
 */
export async function cancelAdjustment(user: SessionUser, input: z.output<typeof cancelAdjustmentSchema>) {
  assertCan(user, 'payout.prepare');
  if (!isUuid(input.adjustmentId)) throw new AppError('not_found');
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Locked: a run being approved locks it FOR SHARE, so the two cannot pass each other.
    const [row] = await tx
      .select({ a: payoutAdjustments, e: { villageCode: enrollments.villageCode, householdId: enrollments.householdId, program: enrollments.program } })
      .from(payoutAdjustments)
      .innerJoin(enrollments, eq(enrollments.id, payoutAdjustments.enrollmentId))
      .where(eq(payoutAdjustments.id, input.adjustmentId))
      .for('update', { of: payoutAdjustments });
    assertCovers(user, row?.e.villageCode);
    const { a, e } = row!;
    const [taken] = await tx
      .select({ month: payoutLines.month })
      .from(payoutLines)
      .innerJoin(payoutRuns, eq(payoutRuns.id, payoutLines.runId))
      .where(and(eq(payoutLines.kind, a.kind), eq(payoutLines.sourceId, a.id), ne(payoutRuns.state, 'draft')))
      .orderBy(asc(payoutLines.month))
      .limit(1);
    const check = adjustmentCancelCheck(a, taken ?? null);
    if (!check.ok) throw refuse('precondition', check.message);

    const cancelledAt = new Date();
    const [done] = await tx
      .update(payoutAdjustments)
      .set({ cancelledBy: user.id, cancelledAt, cancelReason: input.reason })
      .where(and(eq(payoutAdjustments.id, a.id), isNull(payoutAdjustments.cancelledAt)))
      .returning({ id: payoutAdjustments.id });
    if (!done) throw new AppError('conflict');
    const entry = {
      action: 'payout.adjustment_cancel',
      regionCode: e.villageCode,
      before: { cancelledAt: null },
      after: { adjustmentId: a.id, kind: a.kind, program: e.program, totalFen: a.totalFen, startMonth: a.startMonth, forMonth: a.forMonth, cancelledAt: cancelledAt.toISOString() },
      reason: input.reason,
    } satisfies Omit<AuditEntry, 'entity'>;
    await recordAudit(tx, user, { ...entry, entity: 'payout_adjustment', entityId: a.id });
    await recordAudit(tx, user, { ...entry, entity: 'household', entityId: e.householdId });
    return { id: a.id, cancelledAt };
  });
}
