import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { householdAccountChanges, households } from '@/db/schema';
import { assertCan, userCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { maskedAccount } from './account-change';
import type { ConfirmAccountChangeInput } from './change-schemas';
import { auditHousehold } from './household-tx';
import { householdMessages } from './messages';

/**
 * A second person confirms a change of the household's payout account (checked against the card
 * or passbook, or with the family): from then on its payout lines are no longer blocked, and the
 * lines blocked meanwhile are re-issued by the next run. The person who entered the change cannot
 * confirm it (a CHECK constraint says so too). The form names the change it showed: one changed
 * again since is refused, never confirmed unseen.
 */
export async function confirmAccountChange(user: SessionUser, input: ConfirmAccountChangeInput): Promise<{ confirmed: true }> {
  assertCan(user, 'household.write');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [h] = await tx.select().from(households).where(eq(households.id, input.householdId)).for('update');
    if (!h || !userCovers(user, h.villageCode)) throw new AppError('not_found');
    if (!h.accountChangeId) throw refuse('precondition', householdMessages.noAccountChangePending);
    if (h.accountChangeId !== input.changeId) throw refuse('conflict', householdMessages.accountChangedAgain);
    const [change] = await tx.select().from(householdAccountChanges).where(eq(householdAccountChanges.id, h.accountChangeId));
    if (!change) throw new AppError('not_found');
    if (change.changedBy === user.id) throw refuse('same_person', householdMessages.accountChangeSelf);

    const confirmedAt = new Date();
    await tx
      .update(householdAccountChanges)
      .set({ confirmedBy: user.id, confirmedAt })
      .where(and(eq(householdAccountChanges.id, change.id), isNull(householdAccountChanges.confirmedAt)));
    await tx
      .update(households)
      .set({ accountChangeId: null, version: sql`${households.version} + 1`, updatedAt: confirmedAt })
      .where(eq(households.id, h.id));
    await auditHousehold(tx, user, h, {
      action: 'household.account_confirm',
      before: maskedAccount(change.before),
      after: { ...maskedAccount(change.after), changeId: change.id, changedBy: change.changedBy, changedAt: change.changedAt },
      reason: null,
    });
    return { confirmed: true as const };
  });
}
