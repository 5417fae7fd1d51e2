import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb, type Tx } from '@/db/client';
import { enrollments, reviews } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { todayInChina } from '@/lib/core/time';
import { enrollmentMessages } from '@/lib/enrollments/messages';
import { proposeChangeTx } from '@/lib/enrollments/propose-change';
import { policyInt } from '@/lib/policy/values';
import { nextReviewDate } from '@/lib/programs/review';
import { reviewMessages } from './messages';
import type { recordReviewSchema } from './schemas';

class SameAmount extends Error {}
type Enrollment = typeof enrollments.$inferSelect;

/** The next review from a day, by the enrollment's class (特困: always yearly). */
export async function nextReviewFor(tx: Tx, e: Pick<Enrollment, 'program' | 'countyCode' | 'reviewCycle'>, from: string, today: string): Promise<string> {
  const stable = e.program === 'tekun' || e.reviewCycle !== 'unstable';
  const policy = {
    stableMonths: await policyInt(tx, 'dibao', 'review_months_stable', e.countyCode, today),
    unstableMonths: await policyInt(tx, 'dibao', 'review_months_unstable', e.countyCode, today),
  };
  return nextReviewDate(from, { stable }, policy);
}

/**
 * The review visit (入户复核): two investigators, date, findings and the outcome. 维持 closes the
 * review at once and moves the next review on from the visit; 重新核算 proposes the amount from
 * the registry's figures as they are now (减发 when lower, with the recipient's hearing) and
 * 终止 a termination: both wait for a supervisor's decision, which closes the review. A
 * recompute that gives the same amount is a 维持 (no change proposed).
 */
export async function recordReview(user: SessionUser, input: z.output<typeof recordReviewSchema>) {
  assertCan(user, 'review.work');
  const today = todayInChina();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [r] = await tx.select().from(reviews).where(eq(reviews.id, input.reviewId)).for('update');
    assertCovers(user, r?.villageCode);
    if (!r) throw new AppError('not_found');
    if (r.state !== 'open') throw refuse('precondition', reviewMessages.notOpen, 'outcome');
    if (r.version !== input.version) throw new AppError('conflict');
    if (input.visitedOn > today) throw refuse('invalid_input', reviewMessages.visitInFuture, 'visitedOn');
    const [e] = await tx.select().from(enrollments).where(eq(enrollments.id, r.enrollmentId)).for('update');
    if (!e) throw new AppError('not_found');
    if (input.visitedOn < `${e.startMonth}-01`) throw refuse('invalid_input', reviewMessages.visitBeforeStart(e.startMonth), 'visitedOn');

    const reviewCycle = e.program === 'tekun' ? 'stable' : input.reviewCycle;
    const visit = { visitedOn: input.visitedOn, investigators: [input.investigator1, input.investigator2], findings: input.findings, recordedBy: user.id, version: sql`${reviews.version} + 1` };
    const audit = { entity: 'review' as const, entityId: r.id, regionCode: r.villageCode };

    const keep = async (note?: string) => {
      const next = await nextReviewFor(tx, { ...e, reviewCycle }, input.visitedOn, today);
      await tx.update(enrollments).set({ nextReviewOn: next, reviewCycle, version: sql`${enrollments.version} + 1` }).where(eq(enrollments.id, e.id));
      await tx.update(reviews).set({ ...visit, outcome: 'keep', state: 'closed', closedOn: today, closedBy: user.id, nextReviewOn: next }).where(eq(reviews.id, r.id));
      const after = { reviewOutcome: 'keep', visitedOn: input.visitedOn, investigators: visit.investigators, nextReviewOn: next, reviewCycle, note };
      await recordAudit(tx, user, { ...audit, action: 'review.record', after, reason: input.findings });
      await recordAudit(tx, user, { ...audit, entity: 'household', entityId: e.householdId, action: 'review.record', after, reason: input.findings });
      return { outcome: 'keep' as const, nextReviewOn: next, changeId: null };
    };
    if (input.outcome === 'keep') return keep();

    const kind = input.outcome === 'stop' ? ('terminate' as const) : ('recompute' as const);
    if (kind === 'recompute' && e.program !== 'dibao' && e.program !== 'tekun') throw refuse('precondition', reviewMessages.fixedAmount, 'outcome');
    let proposed: Awaited<ReturnType<typeof proposeChangeTx>>;
    try {
      // A savepoint: a recompute that comes out the same is undone whole (its change and audit rows).
      proposed = await tx.transaction(async (sp) => {
        const p = await proposeChangeTx(sp, user, {
          enrollmentId: e.id,
          version: e.version,
          kind,
          effectiveMonth: input.effectiveMonth!,
          reason: `定期复核：${input.findings}`,
          hearingNote: input.hearingNote,
          reasonCode: kind === 'terminate' ? input.reasonCode : undefined,
          gradualExitMonths: undefined,
        }, today);
        if (kind === 'recompute' && p.amountFen === p.previousFen) throw new SameAmount();
        return p;
      });
    } catch (err) {
      if (err instanceof SameAmount) return keep('重新核算金额未变');
      if (err instanceof AppError && err.fieldErrors.kind) {
        const message = err.fieldErrors.kind === enrollmentMessages.noLongerEligible ? reviewMessages.noLongerEligible : err.fieldErrors.kind;
        throw refuse(err.code === 'invalid_input' ? 'invalid_input' : 'precondition', message, 'outcome');
      }
      throw err;
    }
    const outcome = kind === 'terminate' ? 'stop' : proposed.previousFen !== null && proposed.amountFen !== null && proposed.amountFen < proposed.previousFen ? 'reduce' : 'recompute';
    await tx.update(enrollments).set({ reviewCycle }).where(eq(enrollments.id, e.id));
    await tx.update(reviews).set({ ...visit, outcome, state: 'awaiting_decision', changeId: proposed.id }).where(eq(reviews.id, r.id));
    const after = { reviewOutcome: outcome, visitedOn: input.visitedOn, investigators: visit.investigators, changeId: proposed.id, amountFen: proposed.amountFen, reviewCycle };
    await recordAudit(tx, user, { ...audit, action: 'review.record', after, reason: input.findings });
    return { outcome, nextReviewOn: null, changeId: proposed.id };
  });
}

/**
 * Called inside decideChange: the review that proposed this change closes with the decision
 * (approved or not, the review was done, and the next one moves on from today); a termination
 * approved by any path closes the enrollment's open review too, so no review stays open on a
 * roll that has ended.
 */
export async function closeReviewsOnDecision(
  tx: Tx,
  user: SessionUser,
  change: { id: string; kind: string },
  e: Enrollment,
  approved: boolean,
  today: string,
): Promise<void> {
  const terminated = approved && change.kind === 'terminate';
  const open = await tx
    .select()
    .from(reviews)
    .where(and(eq(reviews.enrollmentId, e.id), inArray(reviews.state, ['open', 'awaiting_decision'])))
    .for('update');
  for (const r of open) {
    const own = r.changeId === change.id;
    if (!own && !terminated) continue;
    const next = terminated ? null : await nextReviewFor(tx, e, today, today);
    if (next) await tx.update(enrollments).set({ nextReviewOn: next }).where(eq(enrollments.id, e.id));
    await tx
      .update(reviews)
      .set({ state: 'closed', closedOn: today, closedBy: user.id, nextReviewOn: next, outcome: r.outcome ?? 'stop', version: sql`${reviews.version} + 1` })
      .where(eq(reviews.id, r.id));
    await recordAudit(tx, user, { action: 'review.close', entity: 'review', entityId: r.id, regionCode: r.villageCode, after: { changeDecision: approved ? 'approved' : 'rejected', changeId: change.id, nextReviewOn: next } });
  }
}
