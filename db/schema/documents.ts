import { sql } from 'drizzle-orm';
import { bigint, check, index, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';
import { complaints } from './complaints';
import { households } from './households';
import { applications } from './programs';
import { tempAidCases } from './temp-aid';
import { users } from './users';

/** The kinds of paper a case file holds (lib/documents/labels.ts names them). */
export const documentKinds = [
  'application_form',
  'economic_declaration',
  'commitment',
  'consent',
  'identity',
  'hukou',
  'disability_certificate',
  'diagnosis',
  'income_proof',
  'investigation_form',
  'public_notice_photo',
  'democratic_review',
  'other',
] as const;
export type DocumentKind = (typeof documentKinds)[number];

/** What a document belongs to: exactly one of these records. */
export const documentOwnerTypes = ['household', 'application', 'temp_aid_case', 'complaint'] as const;
export type DocumentOwnerType = (typeof documentOwnerTypes)[number];

export const documentContentTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentContentType = (typeof documentContentTypes)[number];

/**
 * 材料: a scanned paper or a photo, as uploaded. Insert-only (a trigger refuses UPDATE and
 * DELETE): the file lives in the document store under its SHA-256 (content-addressed, never
 * overwritten); a mistaken upload is withdrawn (document_withdrawals), never removed. The region
 * codes are the owning record's, for scoping; the household is set whenever the record has one,
 * so the household's archive gathers every paper of its applications and cases too.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: text('kind', { enum: documentKinds }).notNull(),
    ownerType: text('owner_type', { enum: documentOwnerTypes }).notNull(),
    householdId: uuid('household_id').references(() => households.id),
    applicationId: uuid('application_id').references(() => applications.id),
    tempAidCaseId: uuid('temp_aid_case_id').references(() => tempAidCases.id),
    complaintId: uuid('complaint_id').references(() => complaints.id),
    countyCode: varchar('county_code', { length: 6 }).notNull(),
    townshipCode: varchar('township_code', { length: 9 }),
    villageCode: varchar('village_code', { length: 12 }),
    fileName: text('file_name').notNull(),
    contentType: text('content_type', { enum: documentContentTypes }).notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: varchar('sha256', { length: 64 }).notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedBy: uuid('uploaded_by')
      .notNull()
      .references(() => users.id),
    uploadedAt: timestamp('uploaded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('documents_household_idx').on(t.householdId, t.uploadedAt),
    index('documents_application_idx').on(t.applicationId),
    index('documents_temp_aid_case_idx').on(t.tempAidCaseId),
    index('documents_complaint_idx').on(t.complaintId),
    index('documents_sha256_idx').on(t.sha256),
    check('documents_sha256_hex', sql`${t.sha256} ~ '^[0-9a-f]{64}$'`),
    check('documents_size_positive', sql`${t.sizeBytes} > 0`),
    check(
      'documents_one_owner',
      sql`(${t.ownerType} = 'household' and ${t.householdId} is not null and ${t.applicationId} is null and ${t.tempAidCaseId} is null and ${t.complaintId} is null)
        or (${t.ownerType} = 'application' and ${t.applicationId} is not null and ${t.tempAidCaseId} is null and ${t.complaintId} is null)
        or (${t.ownerType} = 'temp_aid_case' and ${t.tempAidCaseId} is not null and ${t.applicationId} is null and ${t.complaintId} is null)
        or (${t.ownerType} = 'complaint' and ${t.complaintId} is not null and ${t.applicationId} is null and ${t.tempAidCaseId} is null)`,
    ),
  ],
);

/** 作废: a document withdrawn, with the reason; insert-only, at most one per document. */
export const documentWithdrawals = pgTable('document_withdrawals', {
  documentId: uuid('document_id')
    .primaryKey()
    .references(() => documents.id),
  reason: text('reason').notNull(),
  withdrawnBy: uuid('withdrawn_by')
    .notNull()
    .references(() => users.id),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }).notNull().defaultNow(),
});
