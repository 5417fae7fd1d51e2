import { sql } from 'drizzle-orm';
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { enrollmentChanges, enrollments } from './programs';

/**
 * 定期复核: each month a township's batch of the reviews due (every dibao and 特困 enrollment
 * whose next review falls in or before the month), assigned to investigators.
 */
export const reviewBatches = pgTable(
  'review_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }).notNull(),
    month: varchar('month', { length: 7 }).notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('review_batches_township_month_uq').on(t.townshipCode, t.month), index('review_batches_county_month_idx').on(t.countyCode, t.month)],
);

export const reviewStates = ['open', 'awaiting_decision', 'closed'] as const;
// keep: nothing changes, the next review moves on; recompute / reduce: a proposed amount change
// (reduce when the new amount is lower, with the recipient's hearing); stop: a proposed termination.
export const reviewOutcomes = ['keep', 'recompute', 'reduce', 'stop'] as const;

/** One review (复核) of one enrollment: open until its visit is recorded and any change it proposed is decided. */
export const reviews = pgTable(
  'reviews',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchId: uuid('batch_id')
      .notNull()
      .references(() => reviewBatches.id),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id),
    householdId: uuid('household_id').notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    dueOn: date('due_on').notNull(),
    state: text('state', { enum: reviewStates }).notNull().default('open'),
    assignedTo: uuid('assigned_to'),
    visitedOn: date('visited_on'),
    investigators: text('investigators').array(),
    findings: text('findings'),
    outcome: text('outcome', { enum: reviewOutcomes }),
    changeId: uuid('change_id').references(() => enrollmentChanges.id),
    recordedBy: uuid('recorded_by'),
    closedOn: date('closed_on'),
    closedBy: uuid('closed_by'),
    // The next review date the closing set on the enrollment (none after a termination).
    nextReviewOn: date('next_review_on'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    // One open review per enrollment: a second batch (or a second click) adds none.
    uniqueIndex('reviews_open_enrollment_uq').on(t.enrollmentId).where(sql`${t.state} <> 'closed'`),
    index('reviews_batch_idx').on(t.batchId, t.dueOn),
    index('reviews_change_idx').on(t.changeId).where(sql`${t.changeId} is not null`),
    index('reviews_assigned_idx').on(t.assignedTo, t.state),
    // The monthly notice: due and done per county and month.
    index('reviews_county_due_idx').on(t.countyCode, t.dueOn),
    index('reviews_county_closed_idx').on(t.countyCode, t.closedOn),
  ],
);
