import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { documents, documentWithdrawals, type DocumentOwnerType } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { documentMessages } from './messages';
import { regionOfRecord } from './owner';
import type { WithdrawInput } from './schemas';

/** 作废: a document uploaded by mistake stays on file, marked withdrawn with the reason (never deleted). */
export async function withdrawDocument(user: SessionUser, input: WithdrawInput): Promise<{ id: string; ownerType: DocumentOwnerType; ownerId: string; householdId: string | null }> {
  assertCan(user, 'document.upload');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [doc] = await tx.select().from(documents).where(eq(documents.id, input.documentId));
    if (!doc) throw new AppError('not_found');
    assertCovers(user, regionOfRecord(doc));
    const inserted = await tx.insert(documentWithdrawals).values({ documentId: doc.id, reason: input.reason, withdrawnBy: user.id }).onConflictDoNothing().returning({ id: documentWithdrawals.documentId });
    if (inserted.length === 0) throw new AppError('precondition', { _form: documentMessages.alreadyWithdrawn });
    const ownerId = doc.applicationId ?? doc.tempAidCaseId ?? doc.complaintId ?? doc.householdId!;
    await recordAudit(tx, user, {
      action: 'document.withdraw',
      entity: doc.ownerType,
      entityId: ownerId,
      regionCode: regionOfRecord(doc),
      after: { documentId: doc.id, documentKind: doc.kind, fileName: doc.fileName, sha256: doc.sha256 },
      reason: input.reason,
    });
    return { id: doc.id, ownerType: doc.ownerType, ownerId, householdId: doc.householdId };
  });
}
