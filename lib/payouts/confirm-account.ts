import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { payoutAccountConfirmations, payoutLines, payoutRuns } from '@/db/schema';
import { recordAudit, type AuditEntry } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import type { confirmAccountSchema } from './schemas';
import { payoutMessages } from './messages';

/**
 * A failed payment whose account turns out to be right (the bank's failure was transient): a
 * caseworker confirms it, and the next run re-issues the line, as it does after an account change.
 */
export async function confirmAccount(user: SessionUser, input: z.output<typeof confirmAccountSchema>) {
  assertCan(user, 'payout.prepare');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [line] = await tx
      .select({ l: payoutLines, state: payoutRuns.state })
      .from(payoutLines)
      .innerJoin(payoutRuns, eq(payoutRuns.id, payoutLines.runId))
      .where(eq(payoutLines.id, input.lineId));
    assertCovers(user, line?.l.villageCode);
    if (!line) throw new AppError('not_found');
    if (line.l.status !== 'failed') throw refuse('precondition', payoutMessages.confirmOnlyFailed);
    const [reissued] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(payoutLines)
      .where(and(eq(payoutLines.kind, 'reissue'), eq(payoutLines.sourceId, String(line.l.id))));
    if ((reissued?.n ?? 0) > 0) throw refuse('precondition', payoutMessages.alreadyReissued);
    const made = await tx
      .insert(payoutAccountConfirmations)
      .values({ lineId: line.l.id, householdId: line.l.householdId, note: input.note, confirmedBy: user.id })
      .onConflictDoNothing()
      .returning();
    if (made.length === 0) throw refuse('precondition', payoutMessages.alreadyConfirmed);
    const entry = { action: 'payout.confirm_account', regionCode: line.l.villageCode, after: { lineId: line.l.id, month: line.l.month, failureReason: line.l.failureReason }, reason: input.note } satisfies Omit<AuditEntry, 'entity'>;
    await recordAudit(tx, user, { ...entry, entity: 'payout_line', entityId: String(line.l.id) });
    await recordAudit(tx, user, { ...entry, entity: 'household', entityId: line.l.householdId });
    return { lineId: line.l.id };
  });
}
