import { date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';

export const noticeKinds = ['acceptance', 'correction', 'non_acceptance', 'approval', 'refusal', 'suspension', 'termination', 'reduction'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

/** The next number of a county's notices in a year: taken under the row's lock, so two notices never share one. */
export const noticeCounters = pgTable(
  'notice_counters',
  {
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    year: integer('year').notNull(),
    last: integer('last').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countyCode, t.year] })],
);

/**
 * A statutory notice (受理通知书, 补正告知书, 批准 / 不予批准决定书, 停发 / 减发告知书) as issued:
 * its number (交民救〔2026〕第 0001 号) and its text are fixed when it is issued, never edited,
 * and filed in the household's archive.
 */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: noticeKinds }).notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    year: integer('year').notNull(),
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    householdId: uuid('household_id').notNull(),
    applicationId: uuid('application_id'),
    enrollmentChangeId: uuid('enrollment_change_id'),
    issuedOn: date('issued_on').notNull(),
    issuedBy: uuid('issued_by').notNull(),
    // { recipient, title, paragraphs[], issuer } as printed.
    body: jsonb('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('notices_number_uq').on(t.countyCode, t.year, t.seq),
    index('notices_household_idx').on(t.householdId, t.issuedOn),
    index('notices_application_idx').on(t.applicationId),
  ],
);
