import 'server-only';
import { getDb, type Tx } from '@/db/client';
import type { AuditAction } from '@/lib/audit/labels';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { Permission } from '@/lib/auth/permissions';
import type { SessionUser } from '@/lib/auth/types';
import { loadForUpdate, type Application } from './load';

/**
 * The frame of every workflow step: permission, the application locked and scoped, the step's
 * change, and its audit row (on the application and on the household timeline) in one transaction.
 */
export async function runStep<T extends { application: Application }>(
  user: SessionUser,
  permission: Permission,
  applicationId: string,
  action: AuditAction,
  step: (tx: Tx, app: Application) => Promise<T & { audit?: Record<string, unknown>; reason?: string }>,
): Promise<T> {
  assertCan(user, permission);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await loadForUpdate(tx, user, applicationId);
    const result = await step(tx, before);
    const after = result.application;
    const entry = {
      action,
      regionCode: after.villageCode,
      before: { state: before.state },
      after: { state: after.state, ...(result.audit ?? {}) },
      reason: result.reason ?? null,
    };
    await recordAudit(tx, user, { ...entry, entity: 'application', entityId: after.id });
    await recordAudit(tx, user, { ...entry, entity: 'household', entityId: after.householdId, after: { ...entry.after, applicationId: after.id } });
    return result;
  });
}
