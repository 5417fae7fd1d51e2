import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  varchar,
} from 'drizzle-orm/pg-core';
import { regions } from './regions';

export const households = pgTable(
  'households',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    villageCode: varchar('village_code', { length: 12 })
      .notNull()
      .references(() => regions.code),
    townshipCode: varchar('township_code', { length: 9 }).notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    address: text('address').notNull(),
    kind: text('kind', { enum: ['urban', 'rural'] }).notNull(),
    phone: varchar('phone', { length: 20 }),
    registeredPoor: boolean('registered_poor').notNull().default(false),
    registeredPoorYear: smallint('registered_poor_year'),
    povertyCauses: text('poverty_causes').array(),
    leftPoverty: boolean('left_poverty').notNull().default(false),
    leftPovertyYear: smallint('left_poverty_year'),
    bankName: text('bank_name'),
    bankAccount: varchar('bank_account', { length: 32 }),
    bankAccountHolder: text('bank_account_holder'),
    status: text('status', { enum: ['active', 'closed'] }).notNull().default('active'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('households_county_idx').on(t.countyCode, t.id),
    index('households_township_idx').on(t.townshipCode, t.id),
    index('households_village_idx').on(t.villageCode, t.id),
  ],
);

export const members = pgTable(
  'members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    name: text('name').notNull(),
    idNumber: varchar('id_number', { length: 18 }).notNull(),
    relation: text('relation').notNull(),
    isHead: boolean('is_head').notNull().default(false),
    disabilityKind: text('disability_kind'),
    disabilityGrade: smallint('disability_grade'),
    disabilityCertificate: text('disability_certificate'),
    seriousIllness: boolean('serious_illness').notNull().default(false),
    schoolStage: text('school_stage'),
    workingCapacity: text('working_capacity', { enum: ['full', 'partial', 'none'] }),
    status: text('status', { enum: ['active', 'moved_out', 'deceased'] }).notNull().default('active'),
    leftOn: date('left_on'),
    leftReason: text('left_reason'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('members_household_idx').on(t.householdId),
    // A resident ID is an active member of at most one household in the whole system.
    uniqueIndex('members_active_id_number_uq').on(t.idNumber).where(sql`${t.status} = 'active'`),
    uniqueIndex('members_one_head_uq').on(t.householdId).where(sql`${t.isHead} and ${t.status} = 'active'`),
  ],
);
