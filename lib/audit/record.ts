import 'server-only';
import type { Tx } from '@/db/client';
import { auditLog } from '@/db/schema';
import type { AuditAction, AuditEntity } from './labels';

export interface AuditActor {
  id: string;
  name: string;
}

export interface AuditEntry {
  /** A code of the catalogue (labels.ts): one without a Chinese name does not compile. */
  action: AuditAction;
  entity: AuditEntity;
  entityId?: string | null;
  regionCode?: string | null;
  before?: unknown;
  after?: unknown;
  reason?: string | null;
}

/** Written inside the caller's transaction, so the change and its audit row land together or not at all. */
export async function recordAudit(tx: Tx, actor: AuditActor | null, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: actor?.id ?? null,
    actorName: actor?.name ?? null,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    regionCode: entry.regionCode ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    reason: entry.reason ?? null,
  });
}
