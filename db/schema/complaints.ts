import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { households } from './households';
import { applications, enrollments } from './programs';
import { users } from './users';

export const complaintChannels = ['letter', 'visit', 'phone_12345', 'online'] as const;
export const complaintCategories = ['missed', 'wrongful', 'favouritism', 'payout', 'conduct', 'other'] as const;
export const complaintStates = ['received', 'assigned', 'answered'] as const;
export const complaintOutcomes = ['substantiated', 'partly', 'unsubstantiated', 'referred'] as const;
export const complaintReplyMethods = ['phone', 'letter', 'visit', 'online'] as const;

/**
 * 投诉举报 from the public. The complainant's name and phone are shown only to the assigned
 * handler and the auditor (lib/complaints/queries.ts masks them for everyone else), and never
 * copied into the audit log. The deadline is fixed at intake from the policy's working days.
 */
export const complaints = pgTable(
  'complaints',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    channel: text('channel', { enum: complaintChannels }).notNull(),
    category: text('category', { enum: complaintCategories }).notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    complainantName: text('complainant_name'),
    complainantPhone: text('complainant_phone'),
    content: text('content').notNull(),
    receivedOn: date('received_on').notNull(),
    deadlineOn: date('deadline_on').notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }),
    villageCode: varchar('village_code', { length: 12 }),
    householdId: uuid('household_id').references(() => households.id),
    applicationId: uuid('application_id').references(() => applications.id),
    enrollmentId: uuid('enrollment_id').references(() => enrollments.id),
    // The member of staff complained about, if any: never the handler.
    subjectUserId: uuid('subject_user_id').references(() => users.id),
    state: text('state', { enum: complaintStates }).notNull().default('received'),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    handlerId: uuid('handler_id').references(() => users.id),
    assignedBy: uuid('assigned_by').references(() => users.id),
    assignedOn: date('assigned_on'),
    outcome: text('outcome', { enum: complaintOutcomes }),
    outcomeText: text('outcome_text'),
    outcomeOn: date('outcome_on'),
    replyOn: date('reply_on'),
    replyMethod: text('reply_method', { enum: complaintReplyMethods }),
    replyText: text('reply_text'),
    closedBy: uuid('closed_by').references(() => users.id),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    index('complaints_county_state_idx').on(t.countyCode, t.state),
    index('complaints_township_state_idx').on(t.townshipCode, t.state),
    index('complaints_deadline_idx').on(t.deadlineOn),
    check('complaints_handler_not_subject', sql`${t.handlerId} is null or ${t.subjectUserId} is null or ${t.handlerId} <> ${t.subjectUserId}`),
    check('complaints_anonymous_no_name', sql`not ${t.anonymous} or (${t.complainantName} is null and ${t.complainantPhone} is null)`),
    check('complaints_answered_complete', sql`${t.state} <> 'answered' or (${t.outcome} is not null and ${t.replyOn} is not null)`),
  ],
);

/** Investigation notes (调查核实记录): several per complaint, dated, by whom; never edited. */
export const complaintNotes = pgTable(
  'complaint_notes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    complaintId: uuid('complaint_id')
      .notNull()
      .references(() => complaints.id),
    notedOn: date('noted_on').notNull(),
    text: text('text').notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('complaint_notes_complaint_idx').on(t.complaintId)],
);
