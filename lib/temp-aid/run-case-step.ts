import 'server-only';
import { getDb, type Tx } from '@/db/client';
import type { AuditAction } from '@/lib/audit/labels';
import { assertCan } from '@/lib/auth/authorize';
import type { Permission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { auditCase, loadCaseForUpdate, type AidCase } from './load';

/**
 * The frame of every step on an existing case: permission, the case locked and scoped, the
 * step's change, and its audit row (on the case and on the household timeline) in one transaction.
 */
export async function runCaseStep<T extends { aidCase: AidCase }>(
  user: SessionUser,
  permission: Permission,
  caseId: string,
  action: AuditAction,
  step: (tx: Tx, c: AidCase) => Promise<T & { audit?: Record<string, unknown>; reason?: string | null }>,
): Promise<T> {
  assertCan(user, permission);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await loadCaseForUpdate(tx, user, caseId);
    const result = await step(tx, before);
    await auditCase(tx, user, result.aidCase, {
      action,
      before: { state: before.state },
      after: { state: result.aidCase.state, ...(result.audit ?? {}) },
      reason: result.reason ?? null,
    });
    return result;
  });
}
