import 'server-only';
import { createHash } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { documents, documentWithdrawals } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { documentMessages } from './messages';
import { ownerColumn } from './owner-column';
import { ownerRecord, regionOfRecord } from './owner';
import { cleanFileName, MAX_DOCUMENT_BYTES, sniffContentType, storageKeyOf } from './rules';
import type { UploadInput } from './schemas';
import { documentStore } from './storage';

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * 上传材料: by a caseworker or supervisor of the record's region. The type is read from the
 * file's first bytes (a renamed .exe is refused whatever its name), the size is capped, the
 * same file twice on one record is refused. The file goes to the store under its SHA-256 first
 * (content-addressed: an unused copy after a failed transaction harms nothing), then the row and
 * its audit row in one transaction.
 */
export async function uploadDocument(user: SessionUser, input: UploadInput, file: UploadedFile | null): Promise<{ id: string; sha256: string }> {
  assertCan(user, 'document.upload');
  const db = await getDb();
  const owner = await ownerRecord(db, user, input);

  if (!file || file.bytes.byteLength === 0) throw new AppError('invalid_input', { file: documentMessages.fileMissing });
  if (file.bytes.byteLength > MAX_DOCUMENT_BYTES) throw new AppError('invalid_input', { file: documentMessages.tooLarge });
  const contentType = sniffContentType(file.bytes);
  if (!contentType) throw new AppError('invalid_input', { file: documentMessages.wrongType });
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  const storageKey = storageKeyOf(sha256);
  const fileName = cleanFileName(file.name, contentType);
  const column = ownerColumn(input.ownerType);

  const duplicate = async (d: Pick<typeof db, 'select'>) =>
    (
      await d
        .select({ id: documents.id })
        .from(documents)
        .leftJoin(documentWithdrawals, eq(documentWithdrawals.documentId, documents.id))
        .where(and(eq(documents.ownerType, input.ownerType), eq(column, input.ownerId), eq(documents.sha256, sha256), isNull(documentWithdrawals.documentId)))
        .limit(1)
    ).length > 0;
  if (await duplicate(db)) throw new AppError('invalid_input', { file: documentMessages.duplicate });

  await documentStore().put(storageKey, file.bytes, contentType);

  return db.transaction(async (tx) => {
    // One upload at a time per record, so two requests with the same file cannot both pass the check.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`documents:${input.ownerId}`}))`);
    if (await duplicate(tx)) throw new AppError('invalid_input', { file: documentMessages.duplicate });
    const [row] = await tx
      .insert(documents)
      .values({
        kind: input.kind,
        ownerType: input.ownerType,
        householdId: owner.householdId,
        applicationId: input.ownerType === 'application' ? input.ownerId : null,
        tempAidCaseId: input.ownerType === 'temp_aid_case' ? input.ownerId : null,
        complaintId: input.ownerType === 'complaint' ? input.ownerId : null,
        countyCode: owner.countyCode,
        townshipCode: owner.townshipCode,
        villageCode: owner.villageCode,
        fileName,
        contentType,
        sizeBytes: file.bytes.byteLength,
        sha256,
        storageKey,
        uploadedBy: user.id,
      })
      .returning({ id: documents.id });
    await recordAudit(tx, user, {
      action: 'document.upload',
      entity: input.ownerType,
      entityId: input.ownerId,
      regionCode: regionOfRecord(owner),
      after: { documentId: row!.id, documentKind: input.kind, fileName, sizeBytes: file.bytes.byteLength, sha256 },
    });
    return { id: row!.id, sha256 };
  });
}
