import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { householdAccountChanges, type AccountSnapshot } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import type { HouseholdRow } from './household-tx';
import { maskAccount } from './mask';

// A change of a household's payout account is held until a second person confirms it
// (confirm-account-change.ts). These steps run inside the verb that changes the account.

export const accountOf = (h: AccountSnapshot): AccountSnapshot => ({
  bankName: h.bankName,
  bankAccountKind: h.bankAccountKind,
  bankAccount: h.bankAccount,
  bankAccountHolder: h.bankAccountHolder,
});

const sameAccount = (a: AccountSnapshot | null, b: AccountSnapshot | null) => JSON.stringify(a && accountOf(a)) === JSON.stringify(b && accountOf(b));
const hasAccount = (a: AccountSnapshot | null): a is AccountSnapshot => !!a?.bankAccount;

/** An account for the audit log and the page: the number masked. */
export const maskedAccount = (a: AccountSnapshot | null) => (a ? { ...accountOf(a), bankAccount: maskAccount(a.bankAccount) || null } : null);

/**
 * Records that the household's account becomes `next`, and returns what households.account_change_id
 * must then be. The account to compare with is the last confirmed one: a change made while another
 * waits supersedes it and keeps its "before". Removing the account, or going back to the confirmed
 * one, leaves nothing to confirm (with no account nothing is paid anyway).
 */
export async function recordAccountChange(tx: Tx, user: SessionUser, h: HouseholdRow, next: AccountSnapshot, reason: string): Promise<string | null> {
  if (sameAccount(h, next)) return h.accountChangeId;
  let confirmed: AccountSnapshot | null = hasAccount(h) ? accountOf(h) : null;
  if (h.accountChangeId) {
    const [pending] = await tx
      .update(householdAccountChanges)
      .set({ supersededAt: new Date() })
      .where(eq(householdAccountChanges.id, h.accountChangeId))
      .returning({ before: householdAccountChanges.before });
    confirmed = pending?.before ?? null;
  }
  if (!hasAccount(next) || sameAccount(confirmed, next)) return null;
  const [made] = await tx
    .insert(householdAccountChanges)
    .values({ householdId: h.id, before: confirmed, after: accountOf(next), reason, changedBy: user.id })
    .returning({ id: householdAccountChanges.id });
  return made!.id;
}
