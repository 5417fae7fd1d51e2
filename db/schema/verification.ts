import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, varchar } from 'drizzle-orm/pg-core';
import { applications } from './programs';

// 居民家庭经济状况核对 (lib/verification). The consent (授权书) is its own fact on the application;
// the request snapshots the persons it covers (members and legally obliged supporters), expects
// one answer per department active at the time, and the answers are stored as result lines.

export const supporterRelations = ['shanyang', 'fuyang_child', 'fuyang_spouse'] as const;

/** A department that verifies (公安, 人社 …): a list kept by the admin, never deleted, only deactivated. */
export const verificationDepartments = pgTable('verification_departments', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: varchar('code', { length: 32 }).notNull().unique(),
  name: text('name').notNull().unique(),
  /** What the department is asked about (核对事项), printed in its request file. */
  matters: text('matters').notNull(),
  active: boolean('active').notNull().default(true),
  sortOrder: integer('sort_order').notNull().default(100),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * 法定赡养人 / 抚养人 / 扶养人 of an application (per application: the persons named in its
 * declaration; a supporter is usually not a member of the household and has no member row).
 */
export const applicationSupporters = pgTable(
  'application_supporters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    name: text('name').notNull(),
    idNumber: varchar('id_number', { length: 18 }).notNull(),
    relation: text('relation', { enum: supporterRelations }).notNull(),
    /** 与申请人关系 as written (子女, 父母, 配偶 …). */
    relationText: text('relation_text').notNull(),
    createdBy: uuid('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('application_supporters_uq').on(t.applicationId, t.idNumber)],
);

/**
 * The consent to verification (授权书) of an application: the date it was signed and who signed
 * it. One consent in force per application (a partial unique index); a withdrawn one stays, with
 * its date and reason. `documentId` will link the uploaded 授权书 (lib/documents) — nullable,
 * without a foreign key until that table exists.
 */
export const verificationConsents = pgTable(
  'verification_consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    signedOn: date('signed_on').notNull(),
    signerMemberIds: uuid('signer_member_ids').array().notNull(),
    signerSupporterIds: uuid('signer_supporter_ids').array().notNull(),
    documentId: uuid('document_id'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
    withdrawnOn: date('withdrawn_on'),
    withdrawnReason: text('withdrawn_reason'),
    withdrawnBy: uuid('withdrawn_by'),
  },
  (t) => [uniqueIndex('verification_consents_in_force_uq').on(t.applicationId).where(sql`${t.withdrawnOn} is null`)],
);

export const verificationRequestStates = ['open', 'completed', 'withdrawn'] as const;

export interface VerificationPerson {
  seq: number;
  kind: 'member' | 'supporter';
  personId: string;
  name: string;
  idNumber: string;
  relation: string;
}

/** One request to every active department for the persons of an application. */
export const verificationRequests = pgTable(
  'verification_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    batchNo: varchar('batch_no', { length: 32 }).notNull().unique(),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => applications.id),
    consentId: uuid('consent_id')
      .notNull()
      .references(() => verificationConsents.id),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    villageCode: varchar('village_code', { length: 12 }).notNull(),
    state: text('state', { enum: verificationRequestStates }).notNull().default('open'),
    persons: jsonb('persons').$type<VerificationPerson[]>().notNull(),
    requestedBy: uuid('requested_by').notNull(),
    requestedOn: date('requested_on').notNull(),
    completedOn: date('completed_on'),
    stoppedReason: text('stopped_reason'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('verification_requests_application_idx').on(t.applicationId, t.createdAt)],
);

/** The answer expected from one department for a request; answered once, by its file. */
export const verificationAnswers = pgTable(
  'verification_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => verificationRequests.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => verificationDepartments.id),
    answeredOn: date('answered_on'),
    fileName: text('file_name'),
    sha256: varchar('sha256', { length: 64 }),
    lineCount: integer('line_count'),
    importedBy: uuid('imported_by'),
  },
  (t) => [uniqueIndex('verification_answers_uq').on(t.requestId, t.departmentId)],
);

export const verificationItems = ['wages', 'business', 'property', 'transfer', 'pension', 'vehicle', 'vehicle_disability', 'real_estate', 'deposit', 'business_registration', 'medical_self_pay', 'none'] as const;
export type VerificationItem = (typeof verificationItems)[number];

/** One line of a department's answer: a figure about one person of the request. */
export const verificationResults = pgTable(
  'verification_results',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    requestId: uuid('request_id')
      .notNull()
      .references(() => verificationRequests.id),
    departmentId: uuid('department_id')
      .notNull()
      .references(() => verificationDepartments.id),
    seq: integer('seq').notNull(),
    item: text('item', { enum: verificationItems }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    note: text('note'),
  },
  (t) => [index('verification_results_request_idx').on(t.requestId, t.departmentId)],
);
