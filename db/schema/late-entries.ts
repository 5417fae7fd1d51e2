import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { users } from './users';

export const lateEntryKinds = ['application', 'temp_aid_case', 'reserve_fund'] as const;
export const lateEntrySteps = [
  // dibao / 特困 applications (lib/applications)
  'accept',
  'investigate',
  'township_opinion',
  'public_notice',
  'objection',
  'county_visit',
  // temporary aid (lib/temp-aid)
  'tempaid_investigate',
  'tempaid_notice',
  'tempaid_payment',
  // reserve-fund movements entered by the county
  'fund_allocation',
  'fund_top_up',
  'fund_return',
] as const;

/**
 * 补录: a step entered more than the policy's number of working days after its stated date
 * (dibao/late_entry_wd, temp/late_entry_wd). The step keeps its true date; this row says it was
 * entered late, by whom and why, and is written in the step's own transaction. The supervisor
 * who decides the case acknowledges it. A trigger (migration late_entries_guard) refuses every
 * change but that one acknowledgment, and every DELETE.
 */
export const lateEntries = pgTable(
  'late_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    entityKind: text('entity_kind', { enum: lateEntryKinds }).notNull(),
    // An application, a temporary-aid case or a reserve fund.
    entityId: uuid('entity_id').notNull(),
    step: text('step', { enum: lateEntrySteps }).notNull(),
    statedOn: date('stated_on').notNull(),
    // The China calendar day it was entered, and the moment.
    recordedOn: date('recorded_on').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    workingDaysLate: integer('working_days_late').notNull(),
    // The policy value in force when it was entered: late means more than this.
    thresholdWorkingDays: integer('threshold_working_days').notNull(),
    reason: text('reason').notNull(),
    // A late 公示: the photo of the posted notice or the notice's record number.
    evidenceRef: text('evidence_ref'),
    recordedBy: uuid('recorded_by')
      .notNull()
      .references(() => users.id),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }).notNull(),
    // Null for a reserve fund, which belongs to a township.
    villageCode: varchar('village_code', { length: 12 }),
    acknowledgedBy: uuid('acknowledged_by').references(() => users.id),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  },
  (t) => [
    index('late_entries_entity_idx').on(t.entityKind, t.entityId),
    index('late_entries_county_recorded_idx').on(t.countyCode, t.recordedOn),
    index('late_entries_township_recorded_idx').on(t.townshipCode, t.recordedOn),
    check('late_entries_days_positive', sql`${t.workingDaysLate} > ${t.thresholdWorkingDays} and ${t.thresholdWorkingDays} >= 0`),
    check('late_entries_reason_given', sql`length(btrim(${t.reason})) >= 4`),
    check('late_entries_acknowledged_pair', sql`(${t.acknowledgedBy} is null) = (${t.acknowledgedAt} is null)`),
  ],
);
