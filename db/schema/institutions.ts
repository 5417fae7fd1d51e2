import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { members } from './households';
import { enrollments } from './programs';
import { users } from './users';

export const institutionKinds = ['public', 'public_private', 'private'] as const;
export const institutionStatuses = ['operating', 'closed'] as const;

/**
 * 特困人员供养服务机构 (敬老院): where 集中供养 residents live. The county's supervisors keep them;
 * the bank account is the payee of every resident's monthly line while the resident lives there.
 */
export const institutions = pgTable(
  'institutions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }).notNull(),
    address: text('address').notNull(),
    capacity: integer('capacity').notNull(),
    kind: text('kind', { enum: institutionKinds }).notNull(),
    medicalCare: boolean('medical_care').notNull().default(false),
    status: text('status', { enum: institutionStatuses }).notNull().default('operating'),
    bankName: text('bank_name').notNull(),
    bankAccountHolder: text('bank_account_holder').notNull(),
    bankAccount: varchar('bank_account', { length: 32 }).notNull(),
    createdBy: uuid('created_by')
      .notNull()
      .references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [index('institutions_county_idx').on(t.countyCode, t.name), check('institutions_capacity_positive', sql`${t.capacity} > 0`)],
);

/**
 * 集中供养: a 特困 person living in an institution from a date to a date. One open placement per
 * person is a database constraint; the capacity is checked under the institution's row lock.
 */
export const institutionPlacements = pgTable(
  'institution_placements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    institutionId: uuid('institution_id')
      .notNull()
      .references(() => institutions.id),
    enrollmentId: uuid('enrollment_id')
      .notNull()
      .references(() => enrollments.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => members.id),
    admittedOn: date('admitted_on').notNull(),
    admittedBy: uuid('admitted_by').notNull(),
    dischargedOn: date('discharged_on'),
    dischargeReason: text('discharge_reason'),
    dischargedBy: uuid('discharged_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('institution_placements_open_uq').on(t.memberId).where(sql`${t.dischargedOn} is null`),
    index('institution_placements_institution_idx').on(t.institutionId, t.admittedOn),
    index('institution_placements_enrollment_idx').on(t.enrollmentId, t.admittedOn),
    check('institution_placements_dates', sql`${t.dischargedOn} is null or ${t.dischargedOn} >= ${t.admittedOn}`),
  ],
);
