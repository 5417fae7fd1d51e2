import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { enrollmentAmounts, enrollmentChanges, enrollments, payoutAdjustments, payoutLines, payoutRuns } from '@/db/schema';
import type { AuditAction } from '@/lib/audit/labels';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { amountInForce, arrearsCheck, monthVerdict, type StatusChangeKind } from './rules';
import type { adjustmentSchema } from './schemas';
import { payoutMessages } from './messages';

/**
 * A manual adjustment with its reason: 补发 for a month that was missed (at most what the month
 * would have paid, never for a month already paid), or 扣回 of an overpayment in monthly
 * instalments from a month on, never leaving less than the floor to pay. The run of the month
 * it starts in picks it up when generated; a run already approved is closed to it.
 */
export async function addAdjustment(user: SessionUser, input: z.output<typeof adjustmentSchema>) {
  assertCan(user, 'payout.prepare');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [e] = await tx.select().from(enrollments).where(eq(enrollments.id, input.enrollmentId)).for('update');
    assertCovers(user, e?.villageCode);
    if (!e) throw new AppError('not_found');
    const [run] = await tx.select().from(payoutRuns).where(and(eq(payoutRuns.countyCode, e.countyCode), eq(payoutRuns.month, input.startMonth)));
    if (run && run.state !== 'draft') throw refuse('precondition', payoutMessages.adjustmentMonthApproved(input.startMonth), 'startMonth');

    if (input.kind === 'arrears') {
      const forMonth = input.forMonth!;
      const amounts = await tx.select().from(enrollmentAmounts).where(eq(enrollmentAmounts.enrollmentId, e.id));
      const changes = await tx
        .select({ kind: enrollmentChanges.kind, effectiveMonth: enrollmentChanges.effectiveMonth })
        .from(enrollmentChanges)
        .where(and(eq(enrollmentChanges.enrollmentId, e.id), eq(enrollmentChanges.state, 'approved'), inArray(enrollmentChanges.kind, ['suspend', 'resume', 'terminate'])));
      const amount = amountInForce(amounts, forMonth);
      const verdict = monthVerdict(e, changes as { kind: StatusChangeKind; effectiveMonth: string }[], forMonth, amount?.amountFen ?? null);
      const [paid] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(payoutLines)
        .where(and(eq(payoutLines.enrollmentId, e.id), eq(payoutLines.kind, 'enrollment'), eq(payoutLines.month, forMonth), eq(payoutLines.blocked, false), sql`${payoutLines.status} <> 'failed'`));
      const [twice] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(payoutAdjustments)
        .where(and(eq(payoutAdjustments.enrollmentId, e.id), eq(payoutAdjustments.kind, 'arrears'), eq(payoutAdjustments.forMonth, forMonth), isNull(payoutAdjustments.cancelledAt)));
      const check = arrearsCheck({ dueFen: verdict.pays ? amount!.amountFen : null, requestedFen: input.amount, alreadyPaid: (paid?.n ?? 0) + (twice?.n ?? 0) > 0 });
      if (!check.ok) throw new AppError('invalid_input', { amount: check.message });
    }
    const [adj] = await tx
      .insert(payoutAdjustments)
      .values({
        enrollmentId: e.id,
        kind: input.kind,
        totalFen: input.amount,
        perMonthFen: input.kind === 'recovery' ? input.perMonth! : null,
        floorFen: input.kind === 'recovery' ? (input.floor ?? 0) : null,
        forMonth: input.kind === 'arrears' ? input.forMonth! : null,
        startMonth: input.startMonth,
        reason: input.reason,
        createdBy: user.id,
      })
      .returning();
    const entry = {
      action: `payout.${input.kind}` satisfies AuditAction,
      regionCode: e.villageCode,
      after: { adjustmentId: adj!.id, program: e.program, totalFen: adj!.totalFen, perMonthFen: adj!.perMonthFen, floorFen: adj!.floorFen, forMonth: adj!.forMonth, startMonth: adj!.startMonth },
      reason: input.reason,
    };
    await recordAudit(tx, user, { ...entry, entity: 'payout_adjustment', entityId: adj!.id });
    await recordAudit(tx, user, { ...entry, entity: 'household', entityId: e.householdId });
    return { id: adj!.id };
  });
}
