import 'server-only';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb, type Db, type Tx } from '@/db/client';
import { regions, reviewBatches, reviews, users, type RegionLevel } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { addMonthsToMonth, daysInMonth, parseMonth } from '@/lib/core/calendar-date';
import { AppError, refuse } from '@/lib/core/errors';
import { monthInChina } from '@/lib/core/time';
import { isWithin } from '@/lib/regions/codes';
import { reviewMessages } from './messages';
import type { assignReviewsSchema, createBatchSchema } from './schemas';

/** The last day of a month (2027-02 → 2027-02-28). */
export function monthEnd(month: string): string {
  const { year, month: m } = parseMonth(month);
  return `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
}

/**
 * A township's batch of the month: every dibao and 特困 enrollment on the roll (active or
 * suspended) whose next review falls on or before the month's last day and that has no open
 * review yet. Made again for the same month it adds only what has fallen due since (one open
 * review per enrollment, by the partial unique index), so two clicks or two users add nothing twice.
 */
export async function createBatch(user: SessionUser, input: z.output<typeof createBatchSchema>) {
  assertCan(user, 'review.work');
  const latest = addMonthsToMonth(monthInChina(), 1);
  if (input.month > latest) throw refuse('invalid_input', reviewMessages.monthTooFar(latest), 'month');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [township] = await tx.select().from(regions).where(and(eq(regions.code, input.townshipCode), eq(regions.level, 'township')));
    if (!township || !township.countyCode) throw refuse('invalid_input', reviewMessages.notTownship, 'townshipCode');
    assertCovers(user, township.code);
    const [created] = await tx
      .insert(reviewBatches)
      .values({ countyCode: township.countyCode, townshipCode: township.code, month: input.month, createdBy: user.id })
      .onConflictDoNothing()
      .returning({ id: reviewBatches.id });
    const [batch] = created ? [created] : await tx.select({ id: reviewBatches.id }).from(reviewBatches).where(and(eq(reviewBatches.townshipCode, township.code), eq(reviewBatches.month, input.month)));
    const added = await tx.execute<{ id: string }>(sql`
      INSERT INTO reviews (batch_id, enrollment_id, household_id, county_code, township_code, village_code, due_on)
      SELECT ${batch!.id}, e.id, e.household_id, e.county_code, e.township_code, e.village_code, e.next_review_on
      FROM enrollments e
      WHERE e.township_code = ${township.code}
        AND e.status IN ('active', 'suspended') AND e.program IN ('dibao', 'tekun')
        AND e.next_review_on <= ${monthEnd(input.month)}::date
      ON CONFLICT (enrollment_id) WHERE state <> 'closed' DO NOTHING
      RETURNING id`);
    const count = (added as unknown as unknown[]).length;
    await recordAudit(tx, user, {
      action: 'review.batch_create',
      entity: 'review_batch',
      entityId: batch!.id,
      regionCode: township.code,
      after: { month: input.month, townshipCode: township.code, added: count },
    });
    return { batchId: batch!.id, added: count };
  });
}

/** Those who may be sent on a township's reviews: active caseworkers and supervisors whose region covers it. */
export async function assignableUsers(db: Db | Tx, townshipCode: string) {
  const rows = await db
    .select({ id: users.id, name: users.name, role: users.role, regionCode: users.regionCode, level: regions.level })
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(and(eq(users.active, true), inArray(users.role, ['caseworker', 'supervisor'])));
  return rows.filter((u) => isWithin(townshipCode, { code: u.regionCode, level: u.level as RegionLevel })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
}

/** Reviews of one batch given to one investigator (open ones only; a recorded review keeps who did it). */
export async function assignReviews(user: SessionUser, input: z.output<typeof assignReviewsSchema>) {
  assertCan(user, 'review.work');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [batch] = await tx.select().from(reviewBatches).where(eq(reviewBatches.id, input.batchId));
    assertCovers(user, batch?.townshipCode);
    if (!batch) throw new AppError('not_found');
    const assignee = (await assignableUsers(tx, batch.townshipCode)).find((u) => u.id === input.assigneeId);
    if (!assignee) throw refuse('invalid_input', reviewMessages.assigneeOutside, 'assigneeId');
    const updated = await tx
      .update(reviews)
      .set({ assignedTo: assignee.id, version: sql`${reviews.version} + 1` })
      .where(and(eq(reviews.batchId, batch.id), eq(reviews.state, 'open'), input.scope === 'unassigned' ? isNull(reviews.assignedTo) : inArray(reviews.id, input.reviewIds)))
      .returning({ id: reviews.id, villageCode: reviews.villageCode });
    for (const r of updated) {
      await recordAudit(tx, user, { action: 'review.assign', entity: 'review', entityId: r.id, regionCode: r.villageCode, after: { assigneeName: assignee.name } });
    }
    return { assigned: updated.length };
  });
}
