import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { applicationStates } from '../../lib/applications/flow';
import { endReasons } from '../../lib/enrollments/end-reasons';
import { households, members } from './households';

/** Days that break the weekday rule: public holidays on weekdays, make-up working days on weekends. */
export const workCalendar = pgTable('work_calendar', {
  day: date('day').primaryKey(),
  kind: text('kind', { enum: ['holiday', 'workday'] }).notNull(),
  note: text('note'),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const applicationKinds = ['dibao_household', 'dibao_single', 'tekun_dispersed', 'tekun_centralized'] as const;
// The states and their moves are the application's state machine (lib/applications/flow.ts).
export { applicationStates };

/** A dibao or 特困 application from intake to decision. Every step records who and when. */
export const applications = pgTable(
  'applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: applicationKinds }).notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    // The applying member for a single-person dibao or a 特困 application.
    memberId: uuid('member_id').references(() => members.id),
    selfCareLevel: text('self_care_level', { enum: ['full', 'partial', 'none'] }),
    state: text('state', { enum: applicationStates }).notNull().default('draft'),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    closeRelative: boolean('close_relative').notNull().default(false),
    closeRelativeNote: text('close_relative_note'),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    acceptedBy: uuid('accepted_by'),
    acceptedOn: date('accepted_on'),
    missingDocuments: text('missing_documents').array(),
    investigators: text('investigators').array(),
    investigatedBy: uuid('investigated_by'),
    investigatedOn: date('investigated_on'),
    findings: text('findings'),
    // The amount and its working as computed at investigation, from the registry and the standards in force.
    computed: jsonb('computed'),
    townshipOpinion: text('township_opinion'),
    townshipReviewedBy: uuid('township_reviewed_by'),
    townshipReviewedOn: date('township_reviewed_on'),
    noticeStart: date('notice_start'),
    noticeEnd: date('notice_end'),
    countyVisitBy: uuid('county_visit_by'),
    countyVisitOn: date('county_visit_on'),
    countyVisitNotes: text('county_visit_notes'),
    decidedBy: uuid('decided_by'),
    decidedOn: date('decided_on'),
    decisionReason: text('decision_reason'),
    approvedAmountFen: bigint('approved_amount_fen', { mode: 'number' }),
    startMonth: varchar('start_month', { length: 7 }),
    version: integer('version').notNull().default(1),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('applications_county_state_idx').on(t.countyCode, t.state),
    index('applications_township_state_idx').on(t.townshipCode, t.state),
    index('applications_household_idx').on(t.householdId),
    // The list of all applications, newest first, keyset on (created_at, id), read backwards: the city's and a county's.
    index('applications_created_idx').on(t.createdAt, t.id),
    index('applications_county_created_idx').on(t.countyCode, t.createdAt, t.id),
  ],
);

/** Objections raised during public notice; each sends the case back. */
export const applicationObjections = pgTable('application_objections', {
  id: uuid('id').primaryKey().defaultRandom(),
  applicationId: uuid('application_id')
    .notNull()
    .references(() => applications.id),
  raisedOn: date('raised_on').notNull(),
  content: text('content').notNull(),
  resolution: text('resolution'),
  recordedBy: uuid('recorded_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const programs = ['dibao', 'tekun', 'dis_living', 'dis_care'] as const;
export const enrollmentStatuses = ['proposed', 'active', 'suspended', 'terminated'] as const;

/** Being on the roll (在册) of one program: a household (dibao) or a person (特困, subsidies). */
export const enrollments = pgTable(
  'enrollments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    program: text('program', { enum: programs }).notNull(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    memberId: uuid('member_id').references(() => members.id),
    applicationId: uuid('application_id').references(() => applications.id),
    status: text('status', { enum: enrollmentStatuses }).notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    startMonth: varchar('start_month', { length: 7 }).notNull(),
    endMonth: varchar('end_month', { length: 7 }),
    statusReason: text('status_reason'),
    // Why it ended (lib/enrollments/end-reasons.ts): set by an approved termination.
    endReasonCode: text('end_reason_code', { enum: endReasons }),
    nextReviewOn: date('next_review_on'),
    reviewCycle: text('review_cycle', { enum: ['stable', 'unstable'] }),
    gradualExitUntil: varchar('gradual_exit_until', { length: 7 }),
    createdBy: uuid('created_by'),
    decidedBy: uuid('decided_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
    // The amount row in force this month (else the first one, for a roll that starts later),
    // kept by triggers on enrollment_amounts (migration 0026) so the list can filter on it.
    currentAmountFen: bigint('current_amount_fen', { mode: 'number' }),
  },
  (t) => [
    // The beneficiaries list (在册名单), newest first, keyset on (created_at, id): city, county, township.
    index('enrollments_created_idx').on(t.createdAt, t.id),
    index('enrollments_county_created_idx').on(t.countyCode, t.createdAt, t.id),
    index('enrollments_township_created_idx').on(t.townshipCode, t.createdAt, t.id),
    // The 月金额 filter: a county's range, and a city's (whose prefix scope cannot use the county's), however rare.
    index('enrollments_county_amount_idx').on(t.countyCode, t.currentAmountFen),
    index('enrollments_amount_idx').on(t.currentAmountFen),
    // A city's list under a program and status, however few rows match (a prefix scope cannot use the county indexes).
    index('enrollments_program_status_created_idx').on(t.program, t.status, t.createdAt, t.id),
    // A search by the covered person (特困, subsidies) goes from the member to the enrollment.
    index('enrollments_member_idx').on(t.memberId),
    index('enrollments_county_status_idx').on(t.countyCode, t.status, t.program),
    index('enrollments_township_status_idx').on(t.townshipCode, t.status, t.program),
    index('enrollments_household_idx').on(t.householdId),
    // Reviews due (动态管理): the dashboard counts them for a whole city among a million rows.
    index('enrollments_review_due_idx')
      .on(t.nextReviewOn, t.countyCode, t.townshipCode)
      .where(sql`${t.status} in ('active', 'suspended') and ${t.program} in ('dibao', 'tekun')`),
    // A member has at most one open enrollment of each disability subsidy (proposed, active or suspended).
    uniqueIndex('enrollments_subsidy_member_uq')
      .on(t.memberId, t.program)
      .where(sql`${t.status} in ('proposed', 'active', 'suspended') and ${t.program} in ('dis_living', 'dis_care')`),
    // The yearly certificate review of the disability subsidies, by date.
    index('enrollments_subsidy_review_idx')
      .on(t.nextReviewOn, t.countyCode, t.townshipCode)
      .where(sql`${t.status} in ('active', 'suspended') and ${t.program} in ('dis_living', 'dis_care')`),
  ],
);

/**
 * The amount of an enrollment from a month on: a change is a new row, so any past month's
 * amount and its working can be read back. Payout runs read the row in force for their month.
 */
export const enrollmentAmounts = pgTable(
  'enrollment_amounts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id),
    effectiveMonth: varchar('effective_month', { length: 7 }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    components: jsonb('components').notNull(),
    approvedBy: uuid('approved_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('enrollment_amounts_month_uq').on(t.enrollmentId, t.effectiveMonth)],
);

/**
 * Who an enrollment covers. One person is covered by at most one basic-living program at a
 * time (dibao or 特困, one dibao household): enforced by the partial unique index on id_number.
 */
export const enrollmentMembers = pgTable(
  'enrollment_members',
  {
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    idNumber: varchar('id_number', { length: 18 }).notNull(),
    basicLiving: boolean('basic_living').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.enrollmentId, t.memberId] }),
    uniqueIndex('enrollment_members_basic_uq').on(t.idNumber).where(sql`${t.basicLiving} and ${t.active}`),
  ],
);

/** A proposed change to an active enrollment (recompute, suspend, terminate), approved by a supervisor. */
export const enrollmentChanges = pgTable(
  'enrollment_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id),
    kind: text('kind', { enum: ['recompute', 'suspend', 'terminate', 'resume'] }).notNull(),
    effectiveMonth: varchar('effective_month', { length: 7 }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    components: jsonb('components'),
    reason: text('reason').notNull(),
    // A termination's reason code, chosen from a list (lib/enrollments/end-reasons.ts).
    reasonCode: text('reason_code', { enum: endReasons }),
    hearingNote: text('hearing_note'),
    gradualExitMonths: integer('gradual_exit_months'),
    state: text('state', { enum: ['proposed', 'approved', 'rejected'] }).notNull().default('proposed'),
    proposedBy: uuid('proposed_by').notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('enrollment_changes_enrollment_idx').on(t.enrollmentId)],
);
