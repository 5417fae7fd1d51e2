import 'server-only';
import { setTimeout as sleep } from 'node:timers/promises';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { dummyPasswordHash, verifyPassword } from './password';
import { checkSecondFactor, type SecondFactorUsed } from './second-factor';
import { totpAsked, totpRequired } from './totp';
import { reserveAttempt, settleSuccess } from './throttle';
import { THROTTLE, keysFor } from './throttle-rules';

export const signInSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(128),
  // The second factor's code or a recovery code, when the account has one (lib/auth/second-factor.ts).
  otp: z.string().trim().max(32).optional(),
});

export type SignInResult =
  | { ok: true; user: { id: string; name: string; sessionVersion: number; enrol: boolean } }
  | { ok: false; code: 'invalid' | 'locked' | 'otp_required' | 'otp_invalid' };

/**
 * Checks a password, throttled per (account, address) pair, per account and per address
 * (throttle-rules.ts). The answer and its timing are the same whether or not the account
 * exists: every count is keyed by the name typed, and a missing account is still compared
 * against a dummy hash.
 */
export async function signInWithPassword(
  db: Db,
  input: { username: string; password: string; otp?: string; ip: string },
  now: Date = new Date(),
  wait: (ms: number) => Promise<unknown> = sleep,
): Promise<SignInResult> {
  const keys = keysFor(input.username, input.ip);
  const attempt = await reserveAttempt(db, keys, now);
  if (attempt.refused) return { ok: false, code: 'locked' };
  if (attempt.delayMs > 0) await wait(attempt.delayMs);

  const [user] = await db
    .select({
      id: users.id,
      name: users.name,
      role: users.role,
      hash: users.passwordHash,
      active: users.active,
      sv: users.sessionVersion,
      enrolled: sql<boolean>`${users.totpSecret} is not null`,
    })
    .from(users)
    .where(eq(sql`lower(${users.username})`, input.username.trim().toLowerCase()))
    .limit(1);
  const valid = await verifyPassword(user?.hash ?? (await dummyPasswordHash()), input.password);

  if (!user || !user.active || !valid) {
    // The failure that reached a limit already says so.
    const locked = attempt.counts.pair >= THROTTLE.pair.lockAfter || (attempt.counts.account >= THROTTLE.account.lockAfter && !attempt.known);
    return { ok: false, code: locked ? 'locked' : 'invalid' };
  }

  // The second factor, when the account has one (production; demo mode asks nobody). The
  // attempt stays counted until the code is right too: a right password alone never resets the
  // pair, so codes cannot be guessed by interleaving password-only requests.
  let factor: SecondFactorUsed | null = null;
  if (totpAsked(user.enrolled)) {
    if (!input.otp) return { ok: false, code: 'otp_required' };
    factor = await checkSecondFactor(db, user.id, input.otp, now.getTime());
    if (!factor) return { ok: false, code: attempt.counts.pair >= THROTTLE.pair.lockAfter ? 'locked' : 'otp_invalid' };
  }

  await settleSuccess(db, keys, now);
  const enrol = !user.enrolled && totpRequired(user.role);
  await db.transaction(async (tx) => {
    const actor = { id: user.id, name: user.name };
    await recordAudit(tx, actor, {
      action: 'auth.sign_in',
      entity: 'user',
      entityId: user.id,
      ...(factor ? { after: { secondFactor: factor } } : {}),
    });
    if (factor === 'recovery') {
      await recordAudit(tx, actor, { action: 'auth.recovery_code_used', entity: 'user', entityId: user.id });
    }
  });
  return { ok: true, user: { id: user.id, name: user.name, sessionVersion: user.sv, enrol } };
}
