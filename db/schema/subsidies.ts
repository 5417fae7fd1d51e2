import { sql } from 'drizzle-orm';
import { bigint, boolean, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { households, members } from './households';
import { enrollments } from './programs';

export const subsidyPrograms = ['dis_living', 'dis_care'] as const;
export const subsidyApplicationStates = ['accepted', 'verified', 'approved', 'refused'] as const;

/**
 * A disability subsidy applied for in its own right, for one member: 受理, 证件核验 (the 残疾人证:
 * number, kind, grade, valid until), and the county's decision by a supervisor who did neither.
 */
export const subsidyApplications = pgTable(
  'subsidy_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    program: text('program', { enum: subsidyPrograms }).notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    state: text('state', { enum: subsidyApplicationStates }).notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    // 护理补贴: the assessed need for long-term care, stated at intake.
    needsLongTermCare: boolean('needs_long_term_care'),
    acceptedBy: uuid('accepted_by').notNull(),
    acceptedOn: date('accepted_on').notNull(),
    certificateNumber: varchar('certificate_number', { length: 20 }),
    certificateKind: text('certificate_kind'),
    certificateGrade: smallint('certificate_grade'),
    certificateValidUntil: date('certificate_valid_until'),
    verifiedBy: uuid('verified_by'),
    verifiedOn: date('verified_on'),
    decidedBy: uuid('decided_by'),
    decidedOn: date('decided_on'),
    decisionReason: text('decision_reason'),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    startMonth: varchar('start_month', { length: 7 }),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One open application per member and program.
    uniqueIndex('subsidy_applications_open_uq').on(t.memberId, t.program).where(sql`${t.state} in ('accepted', 'verified')`),
    index('subsidy_applications_county_created_idx').on(t.countyCode, t.createdAt, t.id),
    index('subsidy_applications_township_created_idx').on(t.townshipCode, t.createdAt, t.id),
    index('subsidy_applications_household_idx').on(t.householdId),
  ],
);
