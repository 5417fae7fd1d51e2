import 'server-only';
import { getDb } from '@/db/client';
import { assertCan, userCovers } from './authorize';
import { accountsAtLimit } from './throttle';
import type { SessionUser } from './types';

/**
 * Accounts whose failed sign-ins reached the account-wide limit (throttle-rules.ts): someone is
 * guessing their password from many addresses. For the admins' user page; each time an account
 * reaches it an audit row `auth.account_under_attack` is written too. Accounts of the admin's
 * region, and names that belong to no account.
 */
export async function accountsUnderAttack(actor: SessionUser, now: Date = new Date()) {
  assertCan(actor, 'user.manage');
  const rows = await accountsAtLimit(await getDb(), now);
  // Names that are nobody's account are listed too: they tell of the same attack.
  return rows.filter((r) => r.regionCode === null || userCovers(actor, r.regionCode));
}

export type AccountUnderAttack = Awaited<ReturnType<typeof accountsUnderAttack>>[number];
