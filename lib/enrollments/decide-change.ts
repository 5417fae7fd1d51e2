import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { enrollmentAmounts, enrollmentChanges, enrollmentMembers, enrollments } from '@/db/schema';
import { todayInChina } from '@/lib/core/time';
import { policyInt } from '@/lib/policy/values';
import type { AuditAction } from '@/lib/audit/labels';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { uniqueViolation } from '@/lib/db/errors';
import { AppError, refuse } from '@/lib/core/errors';
import { addMonthsToMonth } from '@/lib/core/calendar-date';
import { gradualExitEnd, nextReviewDate } from '@/lib/programs/review';
import { closeReviewsOnDecision } from '@/lib/reviews/record';
import { issueNotice } from '@/lib/notices/issue';
import { noticeTexts } from '@/lib/notices/texts';
import type { decideChangeSchema } from './schemas';
import { enrollmentMessages } from './messages';

/**
 * A supervisor who did not propose it approves or rejects a change. Approval writes the new
 * amount as a dated row (history kept), or changes the status; nothing is overwritten.
 */
export async function decideChange(user: SessionUser, input: z.output<typeof decideChangeSchema>) {
  assertCan(user, 'enrollment.approve');
  const db = await getDb();
  const today = todayInChina();
  return db.transaction(async (tx) => {
    const [change] = await tx.select().from(enrollmentChanges).where(eq(enrollmentChanges.id, input.changeId)).for('update');
    const [e] = change ? await tx.select().from(enrollments).where(eq(enrollments.id, change.enrollmentId)).for('update') : [];
    assertCovers(user, e?.villageCode);
    if (!change || !e) throw new AppError('not_found');
    if (change.state !== 'proposed') throw new AppError('conflict');
    if (change.proposedBy === user.id) throw refuse('same_person', enrollmentMessages.proposerDecides, 'decision');

    const decided = { state: input.decision === 'approve' ? ('approved' as const) : ('rejected' as const), decidedBy: user.id, decidedAt: new Date() };
    await tx.update(enrollmentChanges).set(decided).where(eq(enrollmentChanges.id, change.id));
    if (input.decision === 'approve') {
      if (change.kind === 'recompute') {
        try {
          await tx.insert(enrollmentAmounts).values({ enrollmentId: e.id, effectiveMonth: change.effectiveMonth, amountFen: change.amountFen!, components: change.components ?? {}, approvedBy: user.id });
        } catch (err) {
          if (uniqueViolation(err)) throw refuse('precondition', enrollmentMessages.amountMonthTaken(change.effectiveMonth), 'decision');
          throw err;
        }
        const stable = e.reviewCycle !== 'unstable';
        const review = {
          stableMonths: await policyInt(tx, 'dibao', 'review_months_stable', e.countyCode, today),
          unstableMonths: await policyInt(tx, 'dibao', 'review_months_unstable', e.countyCode, today),
        };
        await tx.update(enrollments).set({ nextReviewOn: nextReviewDate(today, { stable }, review), version: sql`${enrollments.version} + 1` }).where(eq(enrollments.id, e.id));
      } else if (change.kind === 'terminate') {
        let endMonth = addMonthsToMonth(change.effectiveMonth, -1);
        let gradualExitUntil: string | null = null;
        if (change.gradualExitMonths) {
          const max = await policyInt(tx, 'dibao', 'gradual_exit_max_months', e.countyCode, today);
          const end = gradualExitEnd(change.effectiveMonth, change.gradualExitMonths, max);
          if (!end.ok) throw refuse('precondition', end.message, 'decision');
          endMonth = end.endMonth;
          gradualExitUntil = end.endMonth;
        }
        await tx
          .update(enrollments)
          .set({ status: 'terminated', endMonth, gradualExitUntil, statusReason: change.reason, endReasonCode: change.reasonCode ?? 'other', version: sql`${enrollments.version} + 1` })
          .where(eq(enrollments.id, e.id));
        await tx.update(enrollmentMembers).set({ active: false }).where(and(eq(enrollmentMembers.enrollmentId, e.id)));
      } else {
        await tx
          .update(enrollments)
          .set({ status: change.kind === 'suspend' ? 'suspended' : 'active', statusReason: change.reason, version: sql`${enrollments.version} + 1` })
          .where(eq(enrollments.id, e.id));
      }
    }
    await closeReviewsOnDecision(tx, user, change, e, input.decision === 'approve', today);
    // 停发 / 暂停 / 减发告知书 with the recipient's hearing, when the decision takes money away.
    const [before] = change.kind === 'recompute' ? await tx.select({ amountFen: enrollmentAmounts.amountFen }).from(enrollmentAmounts).where(and(eq(enrollmentAmounts.enrollmentId, e.id), sql`${enrollmentAmounts.effectiveMonth} < ${change.effectiveMonth}`)).orderBy(sql`${enrollmentAmounts.effectiveMonth} desc`).limit(1) : [];
    const what = change.kind === 'terminate' ? 'termination' : change.kind === 'suspend' ? 'suspension' : change.kind === 'recompute' && before && change.amountFen! < before.amountFen ? 'reduction' : null;
    const notice =
      input.decision === 'approve' && what
        ? await issueNotice(tx, user, {
            kind: what,
            householdId: e.householdId,
            villageCode: e.villageCode,
            applicationId: e.applicationId,
            enrollmentChangeId: change.id,
            issuedOn: today,
            appeal: true,
            paragraphs: noticeTexts.change({ what, effectiveMonth: change.effectiveMonth, reason: change.reason, hearing: change.hearingNote, amountFen: change.amountFen }),
          })
        : null;
    const entry = { action: `enrollment.${input.decision}_${change.kind}` satisfies AuditAction, regionCode: e.villageCode, before: { status: e.status }, after: { changeId: change.id, effectiveMonth: change.effectiveMonth, amountFen: change.amountFen, ...(notice ? { notices: [notice.number] } : {}) }, reason: input.reason ?? change.reason };
    await recordAudit(tx, user, { ...entry, entity: 'enrollment', entityId: e.id });
    await recordAudit(tx, user, { ...entry, entity: 'household', entityId: e.householdId });
    return { state: decided.state };
  });
}
