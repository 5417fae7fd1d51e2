import 'server-only';
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { totpRecoveryCodes, users } from '@/db/schema';
import { verifyPassword } from './password';
import { normalizeRecoveryCode, openSecret, SIX_DIGITS, verifyTotp } from './totp';

export type SecondFactorUsed = 'totp' | 'recovery';

/**
 * Checks the code typed at sign-in against the user's enrolled second factor: a 6-digit TOTP
 * code (each 30-second step good once: the step is written only if it is later than the last one
 * used, in one statement, so two requests with the same code cannot both pass), or one of the
 * unused recovery codes (spent by an UPDATE … WHERE used_at IS NULL: used once, also under a race).
 */
export async function checkSecondFactor(db: Db, userId: string, input: string, nowMs = Date.now()): Promise<SecondFactorUsed | null> {
  const code = input.replace(/\s/g, '');
  if (SIX_DIGITS.test(code)) {
    const [row] = await db
      .select({ secret: users.totpSecret, last: users.totpLastStep })
      .from(users)
      .where(eq(users.id, userId));
    if (!row?.secret) return null;
    const step = await verifyTotp(openSecret(row.secret), code, row.last, nowMs);
    if (step === null) return null;
    const taken = await db
      .update(users)
      .set({ totpLastStep: step })
      .where(and(eq(users.id, userId), or(isNull(users.totpLastStep), lt(users.totpLastStep, step))))
      .returning({ id: users.id });
    return taken.length === 1 ? 'totp' : null;
  }
  const recovery = normalizeRecoveryCode(code);
  if (!recovery) return null;
  const unused = await db
    .select({ id: totpRecoveryCodes.id, hash: totpRecoveryCodes.codeHash })
    .from(totpRecoveryCodes)
    .where(and(eq(totpRecoveryCodes.userId, userId), isNull(totpRecoveryCodes.usedAt)));
  for (const candidate of unused) {
    if (!(await verifyPassword(candidate.hash, recovery))) continue;
    const spent = await db
      .update(totpRecoveryCodes)
      .set({ usedAt: sql`now()` })
      .where(and(eq(totpRecoveryCodes.id, candidate.id), isNull(totpRecoveryCodes.usedAt)))
      .returning({ id: totpRecoveryCodes.id });
    return spent.length === 1 ? 'recovery' : null;
  }
  return null;
}

/** How many recovery codes the user has left. */
export async function recoveryCodesLeft(db: Db, userId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(totpRecoveryCodes)
    .where(and(eq(totpRecoveryCodes.userId, userId), isNull(totpRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}
