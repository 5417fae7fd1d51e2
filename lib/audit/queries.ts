import 'server-only';
import { desc, isNull, like, lt, or, and } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { scopePrefix } from '@/lib/regions/codes';

export async function listAuditEntries(user: SessionUser, opts: { before?: number; limit?: number } = {}) {
  assertCan(user, 'audit.read');
  const db = await getDb();
  const limit = Math.min(opts.limit ?? 50, 200);
  const inScope = like(auditLog.regionCode, `${scopePrefix(user.regionCode, user.regionLevel)}%`);
  // Entries without a region (sign-ins) are visible to city-wide readers only.
  const scope = user.regionLevel === 'city' || user.regionLevel === 'province' ? or(inScope, isNull(auditLog.regionCode)) : inScope;
  return db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorName: auditLog.actorName,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      reason: auditLog.reason,
    })
    .from(auditLog)
    .where(and(scope, opts.before ? lt(auditLog.id, opts.before) : undefined))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
