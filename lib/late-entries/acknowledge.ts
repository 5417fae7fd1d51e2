import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { lateEntries } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { SessionUser } from '@/lib/auth/types';
import { refuse } from '@/lib/core/errors';
import type { LateEntryKind } from './labels';
import { lateEntryMessages } from './messages';

/**
 * The decider's acknowledgment of a case's late entries (补录), inside the decision's transaction:
 * a case with entries nobody has acknowledged yet is refused unless the box was ticked; the
 * entries then record who acknowledged them and when (the only change the table allows).
 * Returns how many were acknowledged.
 */
export async function acknowledgeLateEntries(
  tx: Tx,
  user: SessionUser,
  entity: { kind: LateEntryKind; id: string; regionCode: string },
  acknowledged: boolean | undefined,
  now: Date,
  field = 'lateAcknowledged',
): Promise<number> {
  const open = await tx
    .select({ id: lateEntries.id })
    .from(lateEntries)
    .where(and(eq(lateEntries.entityKind, entity.kind), eq(lateEntries.entityId, entity.id), isNull(lateEntries.acknowledgedBy)))
    .for('update');
  if (open.length === 0) return 0;
  if (!acknowledged) throw refuse('invalid_input', lateEntryMessages.acknowledgmentRequired(open.length), field);
  const ids = open.map((r) => r.id);
  await tx
    .update(lateEntries)
    .set({ acknowledgedBy: user.id, acknowledgedAt: now })
    .where(and(inArray(lateEntries.id, ids), isNull(lateEntries.acknowledgedBy)));
  await recordAudit(tx, user, { action: 'late_entry.acknowledge', entity: entity.kind, entityId: entity.id, regionCode: entity.regionCode, after: { lateEntryIds: ids } });
  return ids.length;
}
