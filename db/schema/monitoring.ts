import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { households, members } from './households';

/** The comparison files other departments send (docs/monitoring-files.md). */
export const monitoringFileKinds = ['death', 'medical', 'disability', 'unemployment'] as const;
export type MonitoringFileKind = (typeof monitoringFileKinds)[number];

export const monitoringRules = ['medical_self_pay', 'severe_disability', 'death_while_paid', 'unemployment_monitored'] as const;
export type MonitoringRule = (typeof monitoringRules)[number];

export const alertOutcomes = ['enrolled', 'temp_aid', 'referred', 'no_aid'] as const;
export type AlertOutcome = (typeof alertOutcomes)[number];

/** One imported file: who, when, which bytes (SHA-256), how many rows. Written only whole. */
export const monitoringImports = pgTable(
  'monitoring_imports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: monitoringFileKinds }).notNull(),
    fileName: text('file_name').notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    rowCount: integer('row_count').notNull(),
    alertCount: integer('alert_count').notNull().default(0),
    // The importer's region: the file's people are matched against households inside it only.
    regionCode: varchar('region_code', { length: 12 }).notNull(),
    importedBy: uuid('imported_by').notNull(),
    importedAt: timestamp('imported_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('monitoring_imports_region_idx').on(t.regionCode, t.importedAt)],
);

/** 死亡 (公安/殡葬). The payout sweep reads it by id_number. */
export const deathReports = pgTable(
  'death_reports',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    idNumber: varchar('id_number', { length: 18 }).notNull(),
    name: text('name').notNull(),
    diedOn: date('died_on').notNull(),
    source: text('source').notNull(),
    importId: uuid('import_id').notNull().references(() => monitoringImports.id),
  },
  (t) => [index('death_reports_id_number_idx').on(t.idNumber), index('death_reports_import_idx').on(t.importId)],
);

/** 医保自付: one settlement, the self-paid part in fen. */
export const medicalExpenses = pgTable(
  'medical_expenses',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    idNumber: varchar('id_number', { length: 18 }).notNull(),
    name: text('name').notNull(),
    settledOn: date('settled_on').notNull(),
    selfPayFen: bigint('self_pay_fen', { mode: 'number' }).notNull(),
    importId: uuid('import_id').notNull().references(() => monitoringImports.id),
  },
  (t) => [index('medical_expenses_id_number_idx').on(t.idNumber, t.settledOn), index('medical_expenses_import_idx').on(t.importId)],
);

/** 新办残疾证. */
export const disabilityCertificates = pgTable(
  'disability_certificates',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    idNumber: varchar('id_number', { length: 18 }).notNull(),
    certificateNo: text('certificate_no').notNull(),
    category: text('category').notNull(),
    grade: smallint('grade').notNull(),
    issuedOn: date('issued_on').notNull(),
    importId: uuid('import_id').notNull().references(() => monitoringImports.id),
  },
  (t) => [index('disability_certificates_import_idx').on(t.importId)],
);

/** 失业登记. */
export const unemploymentRegistrations = pgTable(
  'unemployment_registrations',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    idNumber: varchar('id_number', { length: 18 }).notNull(),
    registeredOn: date('registered_on').notNull(),
    importId: uuid('import_id').notNull().references(() => monitoringImports.id),
  },
  (t) => [index('unemployment_registrations_import_idx').on(t.importId)],
);

/**
 * A hit of a rule on a member: one per rule, member and source key (the death, the certificate
 * number, the registration date, the year of the spending), so a file imported twice, or two
 * files that overlap, raise it once (ON CONFLICT DO NOTHING on the unique index).
 */
export const monitoringAlerts = pgTable(
  'monitoring_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    rule: text('rule', { enum: monitoringRules }).notNull(),
    memberId: uuid('member_id').notNull().references(() => members.id),
    householdId: uuid('household_id').notNull().references(() => households.id),
    sourceKey: text('source_key').notNull(),
    detail: text('detail').notNull(),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    importId: uuid('import_id').notNull().references(() => monitoringImports.id),
    // null: the township's caseworkers as a whole; a supervisor may name one.
    ownerId: uuid('owner_id'),
    dueOn: date('due_on').notNull(),
    outcome: text('outcome', { enum: alertOutcomes }),
    outcomeReason: text('outcome_reason'),
    closedBy: uuid('closed_by'),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('monitoring_alerts_source_uq').on(t.rule, t.memberId, t.sourceKey),
    index('monitoring_alerts_township_open_idx').on(t.townshipCode, t.dueOn).where(sql`${t.outcome} is null`),
    index('monitoring_alerts_county_open_idx').on(t.countyCode, t.dueOn).where(sql`${t.outcome} is null`),
    check('monitoring_alerts_no_aid_reason', sql`${t.outcome} is distinct from 'no_aid' or length(coalesce(${t.outcomeReason}, '')) > 0`),
    check('monitoring_alerts_closed', sql`(${t.outcome} is null) = (${t.closedAt} is null)`),
  ],
);

/** A caseworker's flag that a household is monitored (低保边缘, 刚性支出 …) beyond what the data shows. */
export const monitoredFlags = pgTable('monitored_flags', {
  householdId: uuid('household_id').primaryKey().references(() => households.id),
  reason: text('reason', { enum: ['near_dibao', 'rigid_spending', 'other'] }).notNull(),
  note: text('note'),
  setBy: uuid('set_by').notNull(),
  setAt: timestamp('set_at', { withTimezone: true }).notNull().defaultNow(),
});
