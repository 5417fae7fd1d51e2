import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Db } from '@/db/client';
import { documents, documentWithdrawals, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/uuid';
import { ownerColumn } from './owner-column';
import { complaintPapersVisible, ownerRecord, regionOfRecord } from './owner';
import type { DocumentOwner } from './schemas';
import { documentStore } from './storage';

const uploader = alias(users, 'uploader');
const withdrawer = alias(users, 'withdrawer');

const columns = {
  id: documents.id,
  kind: documents.kind,
  ownerType: documents.ownerType,
  householdId: documents.householdId,
  applicationId: documents.applicationId,
  tempAidCaseId: documents.tempAidCaseId,
  complaintId: documents.complaintId,
  countyCode: documents.countyCode,
  townshipCode: documents.townshipCode,
  villageCode: documents.villageCode,
  fileName: documents.fileName,
  contentType: documents.contentType,
  sizeBytes: documents.sizeBytes,
  sha256: documents.sha256,
  storageKey: documents.storageKey,
  uploadedAt: documents.uploadedAt,
  uploadedByName: uploader.name,
  withdrawnAt: documentWithdrawals.withdrawnAt,
  withdrawnReason: documentWithdrawals.reason,
  withdrawnByName: withdrawer.name,
};

export type DocumentRow = Awaited<ReturnType<typeof listDocuments>>[number];

function base(d: Db) {
  return d
    .select(columns)
    .from(documents)
    .innerJoin(uploader, eq(uploader.id, documents.uploadedBy))
    .leftJoin(documentWithdrawals, eq(documentWithdrawals.documentId, documents.id))
    .leftJoin(withdrawer, eq(withdrawer.id, documentWithdrawals.withdrawnBy))
    .$dynamic();
}

/**
 * The 材料 of a record, oldest first. A household's list holds every paper of the household,
 * those of its applications, temporary-aid cases and complaints included (its 一户一档).
 */
export async function listDocuments(user: SessionUser, owner: DocumentOwner) {
  assertCan(user, 'document.read');
  const db = await getDb();
  await ownerRecord(db, user, owner);
  return base(db)
    .where(and(eq(ownerColumn(owner.ownerType), owner.ownerId), complaintPapersVisible(user)))
    .orderBy(asc(documents.uploadedAt), asc(documents.id));
}

/** Every document of a household the user may see (the caller has checked the household), for the archive. */
export async function householdDocuments(db: Db, user: SessionUser, householdId: string) {
  return base(db).where(and(eq(documents.householdId, householdId), complaintPapersVisible(user))).orderBy(asc(documents.uploadedAt), asc(documents.id));
}

/**
 * One document's file for a download (`attachment`) or a view in the browser (`inline`): the
 * region checked like the record's, the act audited before the first byte is sent.
 */
export async function openDocument(user: SessionUser, id: string, mode: 'download' | 'view') {
  assertCan(user, 'document.read');
  if (!isUuid(id)) throw new AppError('not_found');
  const db = await getDb();
  const [row] = await base(db).where(eq(documents.id, id));
  if (!row) throw new AppError('not_found');
  const ownerId = row.applicationId ?? row.tempAidCaseId ?? row.complaintId ?? row.householdId!;
  await ownerRecord(db, user, { ownerType: row.ownerType, ownerId }); // the record's region, and a complaint's own rule
  const stream = await documentStore().open(row.storageKey);
  await db.transaction((tx) =>
    recordAudit(tx, user, {
      action: mode === 'download' ? 'document.download' : 'document.view',
      entity: row.ownerType,
      entityId: ownerId,
      regionCode: regionOfRecord(row),
      after: { documentId: row.id, documentKind: row.kind, fileName: row.fileName, sha256: row.sha256 },
    }),
  );
  return { stream, fileName: row.fileName, contentType: row.contentType, sizeBytes: row.sizeBytes };
}
