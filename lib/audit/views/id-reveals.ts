import 'server-only';
import { and, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog } from '@/db/schema';
import { auditScope } from '@/lib/audit/queries';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { addDays } from '@/lib/core/calendar-date';

export interface RevealCount {
  actorId: string | null;
  actorName: string | null;
  count: number;
  households: number;
  first: Date;
  last: Date;
}

/**
 * 查看完整身份证号（按用户）: the `member.reveal_id` rows of the user's region in [from, to] (China's
 * days), counted by who revealed. An equality on the action and a range on the time: the
 * (action, at, id) index reads only these rows, however large the log.
 */
export async function countIdReveals(user: SessionUser, range: { from: string; to: string }): Promise<RevealCount[]> {
  assertCan(user, 'audit.read');
  const db = await getDb();
  return db
    .select({
      actorId: auditLog.actorId,
      actorName: sql<string | null>`max(${auditLog.actorName})`,
      count: sql<number>`count(*)`.mapWith(Number),
      households: sql<number>`count(distinct ${auditLog.entityId})`.mapWith(Number),
      first: sql<Date>`min(${auditLog.at})`.mapWith(auditLog.at),
      last: sql<Date>`max(${auditLog.at})`.mapWith(auditLog.at),
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.action, 'member.reveal_id'),
        gte(auditLog.at, new Date(`${range.from}T00:00:00+08:00`)),
        lt(auditLog.at, new Date(`${addDays(range.to, 1)}T00:00:00+08:00`)),
        auditScope(user),
      ),
    )
    .groupBy(auditLog.actorId)
    .orderBy(desc(sql`count(*)`), auditLog.actorId);
}
