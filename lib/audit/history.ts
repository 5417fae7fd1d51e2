import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { AuditEntity } from './labels';

export interface HistoryEntry {
  id: number;
  at: Date;
  actorName: string | null;
  action: string;
  before: unknown;
  after: unknown;
  reason: string | null;
}

/**
 * The audit rows of one record, newest first: its 历史记录. No permission or region check of its
 * own: callers load the record under the user's scope first and ask only for a record they found.
 */
export async function historyOf(db: Db, entity: AuditEntity, id: string, limit = 200): Promise<HistoryEntry[]> {
  return db
    .select({ id: auditLog.id, at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, before: auditLog.before, after: auditLog.after, reason: auditLog.reason })
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, id)))
    .orderBy(desc(auditLog.id))
    .limit(limit);
}
