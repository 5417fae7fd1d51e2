import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
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
    bankAccountKind: text('bank_account_kind', { enum: ['card', 'passbook'] }),
    bankAccount: varchar('bank_account', { length: 32 }),
    bankAccountHolder: text('bank_account_holder'),
    // The change of the account above that no second person has confirmed yet (null: none). While
    // it is set the household's payout lines are blocked (BLOCK_REASON_SQL): a new account pays
    // only once someone other than the person who entered it has checked it.
    accountChangeId: uuid('account_change_id').references((): AnyPgColumn => householdAccountChanges.id),
    status: text('status', { enum: ['active', 'closed'] }).notNull().default('active'),
    // Every character pair (doudi_bigrams) of every member's name, departed members included:
    // a name search finds the household from this one array. Kept current by the triggers on
    // members, and GIN-indexed (households_name_bigrams_idx), in migration
    // 0005_household_name_bigrams.sql; never written by the app.
    nameBigrams: text('name_bigrams').array().notNull().default(sql`'{}'::text[]`),
    // The active head's name ('' when none), for the list sorted by head name: kept by the same
    // triggers on members (migration 0013_household_head_name_trigger.sql); never written by the app.
    headName: text('head_name').notNull().default(''),
    // Optimistic concurrency: a form carries the version it was read at; a stale one is refused.
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('households_phone_idx').on(t.phone),
    // 数据核查: how many households give an account (lib/payouts/generation/sweep.ts).
    index('households_bank_account_idx').on(t.bankAccount),
    // List pages: newest registrations first within a region, keyset on (created_at, id).
    index('households_county_created_idx').on(t.countyCode, t.createdAt, t.id),
    index('households_township_created_idx').on(t.townshipCode, t.createdAt, t.id),
    index('households_village_created_idx').on(t.villageCode, t.createdAt, t.id),
    index('households_created_idx').on(t.createdAt, t.id),
    // The same pages sorted by head name, keyset on (head_name, id).
    index('households_county_head_idx').on(t.countyCode, t.headName, t.id),
    index('households_township_head_idx').on(t.townshipCode, t.headName, t.id),
    index('households_village_head_idx').on(t.villageCode, t.headName, t.id),
    index('households_head_idx').on(t.headName, t.id),
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
    // Derived from the resident ID when it is written; never typed.
    birthDate: date('birth_date').notNull(),
    sex: text('sex', { enum: ['男', '女'] }).notNull(),
    relation: text('relation').notNull(),
    isHead: boolean('is_head').notNull().default(false),
    disabilityKind: text('disability_kind'),
    disabilityGrade: smallint('disability_grade'),
    disabilityCertificate: text('disability_certificate'),
    // The 残疾人证's valid-until date, as checked at a subsidy's 证件核验.
    disabilityValidUntil: date('disability_valid_until'),
    seriousIllness: boolean('serious_illness').notNull().default(false),
    schoolStage: text('school_stage'),
    workingCapacity: text('working_capacity', { enum: ['full', 'partial', 'none'] }),
    status: text('status', { enum: ['active', 'moved_out', 'deceased'] }).notNull().default('active'),
    leftOn: date('left_on'),
    leftReason: text('left_reason'),
    sortOrder: integer('sort_order').notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  // Search indexes that drizzle cannot express (bigram GIN on names, reversed-ID prefix) are
  // in migration 0002_registry_search.sql.
  (t) => [
    index('members_household_idx').on(t.householdId),
    index('members_id_number_idx').on(t.idNumber),
    // A resident ID is an active member of at most one household in the whole system.
    uniqueIndex('members_active_id_number_uq').on(t.idNumber).where(sql`${t.status} = 'active'`),
    // The rows that can share an ID with another (every row but one of an ID is inactive): the
    // payout sweep's 同月异地发放 check joins these whole instead of probing every covered person.
    index('members_inactive_id_number_idx').on(t.idNumber).where(sql`${t.status} <> 'active'`),
    uniqueIndex('members_one_head_uq').on(t.householdId).where(sql`${t.isHead} and ${t.status} = 'active'`),
    // 已故成员仍在发放 (audit views): the deceased alone, by date of death, so the view starts from
    // the few dead rather than from every payout line.
    index('members_deceased_idx').on(t.leftOn, t.householdId).where(sql`${t.status} = 'deceased'`),
  ],
);

export const incomeKindCodes = [
  'wages',
  'business',
  'property',
  'transfer',
  'pension_basic',
  'youfu',
  'award',
  'scholarship',
  'assistance',
] as const;

/** Dated monthly income of a household or one member; ended, never deleted. */
export const incomeItems = pgTable(
  'income_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    memberId: uuid('member_id').references(() => members.id),
    kind: text('kind', { enum: incomeKindCodes }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    fromDate: date('from_date').notNull(),
    toDate: date('to_date'),
    excluded: boolean('excluded').notNull().default(false),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('income_household_idx').on(t.householdId)],
);

export const assetKinds = ['house', 'vehicle', 'deposit', 'livestock', 'other'] as const;

/** Assets noted for the eligibility decision. */
export const assets = pgTable(
  'assets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    kind: text('kind', { enum: assetKinds }).notNull(),
    description: text('description').notNull(),
    valueFen: bigint('value_fen', { mode: 'number' }),
    recordedOn: date('recorded_on').notNull(),
    disposedOn: date('disposed_on'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('assets_household_idx').on(t.householdId)],
);

/** A payout account as entered: bank, kind, number and holder. */
export interface AccountSnapshot {
  bankName: string | null;
  bankAccountKind: 'card' | 'passbook' | null;
  bankAccount: string | null;
  bankAccountHolder: string | null;
}

/**
 * Every change of a household's payout account, with the account before (the last confirmed one)
 * and after, who made it and who confirmed it. A change made before the previous one was confirmed
 * supersedes it. The confirmer is never the person who made it: the verb refuses, and so does the
 * database.
 */
export const householdAccountChanges = pgTable(
  'household_account_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    householdId: uuid('household_id')
      .notNull()
      .references(() => households.id),
    before: jsonb('before').$type<AccountSnapshot>(), // null: the household had no account
    after: jsonb('after').$type<AccountSnapshot>().notNull(),
    reason: text('reason').notNull(),
    changedBy: uuid('changed_by').notNull(),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
    confirmedBy: uuid('confirmed_by'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    supersededAt: timestamp('superseded_at', { withTimezone: true }),
  },
  (t) => [
    index('household_account_changes_household_idx').on(t.householdId, t.changedAt),
    uniqueIndex('household_account_changes_pending_uq').on(t.householdId).where(sql`${t.confirmedAt} is null and ${t.supersededAt} is null`),
    check('household_account_changes_second_person', sql`${t.confirmedBy} is null or ${t.confirmedBy} <> ${t.changedBy}`),
    check('household_account_changes_one_outcome', sql`${t.confirmedAt} is null or ${t.supersededAt} is null`),
    check('household_account_changes_confirmed_by_whom', sql`(${t.confirmedAt} is null) = (${t.confirmedBy} is null)`),
  ],
);
