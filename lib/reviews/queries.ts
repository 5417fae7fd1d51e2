import 'server-only';
import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { enrollmentAmounts, enrollmentChanges, enrollments, members, regions, reviewBatches, reviews, users } from '@/db/schema';
import { historyOf } from '@/lib/audit/history';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import { can } from '@/lib/auth/permissions';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { todayInChina } from '@/lib/core/time';
import { assignableUsers } from './batch';

const head = alias(members, 'head');
const village = alias(regions, 'village');
const township = alias(regions, 'township');
const assignee = alias(users, 'assignee');
const headOf = and(eq(head.householdId, reviews.householdId), eq(head.isHead, true), eq(head.status, 'active'));

/** The townships a user may make batches for (their own, or every one under their county or city). */
export async function townshipsInScope(user: SessionUser) {
  const db = await getDb();
  return db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(eq(regions.level, 'township'), regionScope(user, { county: regions.countyCode, township: regions.code, village: regions.code })))
    .orderBy(asc(regions.code));
}

/** The month's batches in the user's region, with how far each has got. */
export async function listBatches(user: SessionUser, month: string) {
  assertCan(user, 'review.read');
  const db = await getDb();
  const today = todayInChina();
  return db
    .select({
      id: reviewBatches.id,
      month: reviewBatches.month,
      townshipCode: reviewBatches.townshipCode,
      townshipName: township.name,
      total: sql<number>`count(${reviews.id})::int`,
      assigned: sql<number>`count(${reviews.id}) filter (where ${reviews.assignedTo} is not null)::int`,
      awaiting: sql<number>`count(${reviews.id}) filter (where ${reviews.state} = 'awaiting_decision')::int`,
      closed: sql<number>`count(${reviews.id}) filter (where ${reviews.state} = 'closed')::int`,
      overdue: sql<number>`count(${reviews.id}) filter (where ${reviews.state} <> 'closed' and ${reviews.dueOn} < ${today}::date)::int`,
    })
    .from(reviewBatches)
    .innerJoin(township, eq(township.code, reviewBatches.townshipCode))
    .leftJoin(reviews, eq(reviews.batchId, reviewBatches.id))
    .where(and(eq(reviewBatches.month, month), regionScope(user, { county: reviewBatches.countyCode, township: reviewBatches.townshipCode, village: reviewBatches.townshipCode })))
    .groupBy(reviewBatches.id, township.name)
    .orderBy(asc(reviewBatches.townshipCode));
}

export async function getBatch(user: SessionUser, batchId: string) {
  assertCan(user, 'review.read');
  const db = await getDb();
  const [batch] = await db
    .select({ b: reviewBatches, townshipName: township.name })
    .from(reviewBatches)
    .innerJoin(township, eq(township.code, reviewBatches.townshipCode))
    .where(eq(reviewBatches.id, batchId));
  // A village-level user sees a township's batch only through its own reviews; a batch outside the region is not found.
  if (!batch) throw new AppError('not_found');
  assertCovers(user, user.regionLevel === 'village' ? user.regionCode : batch.b.townshipCode);
  const rows = await db
    .select({ r: reviews, headName: head.name, villageName: village.name, program: enrollments.program, assigneeName: assignee.name })
    .from(reviews)
    .innerJoin(enrollments, eq(enrollments.id, reviews.enrollmentId))
    .innerJoin(village, eq(village.code, reviews.villageCode))
    .leftJoin(head, headOf)
    .leftJoin(assignee, eq(assignee.id, reviews.assignedTo))
    .where(and(eq(reviews.batchId, batchId), regionScope(user, { county: reviews.countyCode, township: reviews.townshipCode, village: reviews.villageCode })))
    .orderBy(asc(reviews.dueOn), asc(village.code), asc(reviews.id));
  const today = todayInChina();
  return {
    ...batch.b,
    townshipName: batch.townshipName,
    reviews: rows.map((x) => ({ ...x.r, headName: x.headName, villageName: x.villageName, program: x.program, assigneeName: x.assigneeName, overdue: x.r.state !== 'closed' && x.r.dueOn < today })),
    assignable: can(user.role, 'review.work') ? (await assignableUsers(db, batch.b.townshipCode)).map((u) => ({ id: u.id, name: u.name })) : [],
  };
}

export async function getReview(user: SessionUser, reviewId: string) {
  assertCan(user, 'review.read');
  const db = await getDb();
  const [row] = await db
    .select({ r: reviews, e: enrollments, headName: head.name, villageName: village.name, assigneeName: assignee.name, month: reviewBatches.month })
    .from(reviews)
    .innerJoin(enrollments, eq(enrollments.id, reviews.enrollmentId))
    .innerJoin(reviewBatches, eq(reviewBatches.id, reviews.batchId))
    .innerJoin(village, eq(village.code, reviews.villageCode))
    .leftJoin(head, headOf)
    .leftJoin(assignee, eq(assignee.id, reviews.assignedTo))
    .where(eq(reviews.id, reviewId));
  assertCovers(user, row?.r.villageCode);
  if (!row) throw new AppError('not_found');
  const [amount] = await db.select().from(enrollmentAmounts).where(eq(enrollmentAmounts.enrollmentId, row.e.id)).orderBy(desc(enrollmentAmounts.effectiveMonth)).limit(1);
  const [change] = row.r.changeId ? await db.select().from(enrollmentChanges).where(eq(enrollmentChanges.id, row.r.changeId)) : [];
  const covered = row.e.memberId ? await db.select({ name: members.name }).from(members).where(eq(members.id, row.e.memberId)) : [];
  return {
    ...row.r,
    enrollment: row.e,
    month: row.month,
    headName: row.headName,
    memberName: covered[0]?.name ?? null,
    villageName: row.villageName,
    assigneeName: row.assigneeName,
    currentAmountFen: amount?.amountFen ?? null,
    change: change ?? null,
    history: await historyOf(db, 'review', row.r.id),
  };
}

/** Reviews given to this user and not yet recorded. */
export async function listMyReviews(user: SessionUser) {
  assertCan(user, 'review.read');
  const db = await getDb();
  const rows = await db
    .select({ r: reviews, headName: head.name, villageName: village.name, program: enrollments.program })
    .from(reviews)
    .innerJoin(enrollments, eq(enrollments.id, reviews.enrollmentId))
    .innerJoin(village, eq(village.code, reviews.villageCode))
    .leftJoin(head, headOf)
    .where(and(eq(reviews.assignedTo, user.id), eq(reviews.state, 'open'), regionScope(user, { county: reviews.countyCode, township: reviews.townshipCode, village: reviews.villageCode })))
    .orderBy(asc(reviews.dueOn))
    .limit(500);
  return rows.map((x) => ({ ...x.r, headName: x.headName, villageName: x.villageName, program: x.program }));
}

/**
 * Overdue reviews (the enrollment's next review date has passed): counted for each township
 * of a county, or each county of a city; listed by household for a township (first 500).
 */
export async function overdueReviews(user: SessionUser) {
  assertCan(user, 'review.read');
  const db = await getDb();
  const today = todayInChina();
  const onRoll = and(
    regionScope(user, { county: enrollments.countyCode, township: enrollments.townshipCode, village: enrollments.villageCode }),
    inArray(enrollments.status, ['active', 'suspended']),
    inArray(enrollments.program, ['dibao', 'tekun']),
    lt(enrollments.nextReviewOn, today),
  );
  const byCounty = user.regionLevel === 'city' || user.regionLevel === 'province';
  const groupCol = byCounty ? enrollments.countyCode : enrollments.townshipCode;
  const groups = await db
    .select({ code: groupCol, name: regions.name, count: sql<number>`count(*)::int` })
    .from(enrollments)
    .innerJoin(regions, eq(regions.code, groupCol))
    .where(onRoll)
    .groupBy(groupCol, regions.name)
    .orderBy(asc(groupCol));
  const list = await db
    .select({ id: enrollments.id, householdId: enrollments.householdId, program: enrollments.program, nextReviewOn: enrollments.nextReviewOn, headName: head.name, villageName: village.name, openReviewId: reviews.id })
    .from(enrollments)
    .innerJoin(village, eq(village.code, enrollments.villageCode))
    .leftJoin(head, and(eq(head.householdId, enrollments.householdId), eq(head.isHead, true), eq(head.status, 'active')))
    .leftJoin(reviews, and(eq(reviews.enrollmentId, enrollments.id), sql`${reviews.state} <> 'closed'`))
    .where(onRoll)
    .orderBy(asc(enrollments.nextReviewOn), asc(enrollments.id))
    .limit(500);
  return { level: byCounty ? ('county' as const) : ('township' as const), groups, total: groups.reduce((n, g) => n + g.count, 0), list };
}
