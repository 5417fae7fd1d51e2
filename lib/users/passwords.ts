import 'server-only';
import { randomInt } from 'node:crypto';
import { desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db/client';
import { passwordHistory, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import { hashPassword, passwordSchema, verifyPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { safeText } from '@/lib/core/safe-text';
import { passwordMessages } from './messages';

/** The new password may not be any of the user's last 5 (the current one and the 4 before it). */
export const PASSWORD_HISTORY_DEPTH = 5;

export const changePasswordSchema = z
  .object({
    current: z.string().min(1, '请输入当前密码').max(128, '密码最长 128 位'),
    next: passwordSchema,
    confirm: z.string().max(128, '密码最长 128 位'),
  })
  .refine((v) => v.next === v.confirm, { message: passwordMessages.mismatch, path: ['confirm'] });

export const resetPasswordSchema = z.object({
  userId: z.uuid('用户不存在'),
  reason: safeText('重置原因', { multiline: true }).min(2, '请填写重置原因').max(200, '原因最长 200 个字符'),
});

export type ChangePasswordInput = z.output<typeof changePasswordSchema>;
export type ResetPasswordInput = z.output<typeof resetPasswordSchema>;

/** True when `plain` is the current password or one of the earlier ones still remembered. */
async function usedRecently(tx: Tx, userId: string, currentHash: string, plain: string): Promise<boolean> {
  if (await verifyPassword(currentHash, plain)) return true;
  const earlier = await tx
    .select({ hash: passwordHistory.passwordHash })
    .from(passwordHistory)
    .where(eq(passwordHistory.userId, userId))
    .orderBy(desc(passwordHistory.createdAt))
    .limit(PASSWORD_HISTORY_DEPTH - 1);
  for (const row of earlier) if (await verifyPassword(row.hash, plain)) return true;
  return false;
}

/**
 * Replaces the password (the old hash goes to the history, older entries beyond what is checked
 * are removed) and bumps the session version: every session of the user ends. Returns the new version.
 */
async function replacePassword(tx: Tx, userId: string, oldHash: string, newHash: string, mustChange: boolean): Promise<number> {
  await tx.insert(passwordHistory).values({ userId, passwordHash: oldHash });
  await tx.execute(sql`
    delete from password_history where user_id = ${userId} and id not in (
      select id from password_history where user_id = ${userId} order by created_at desc limit ${PASSWORD_HISTORY_DEPTH - 1})`);
  const [row] = await tx
    .update(users)
    .set({
      passwordHash: newHash,
      mustChangePassword: mustChange,
      passwordChangedAt: new Date(),
      sessionVersion: sql`${users.sessionVersion} + 1`,
      updatedAt: new Date(),
    })
    .where(eq(users.id, userId))
    .returning({ sv: users.sessionVersion });
  return row!.sv;
}

/**
 * The signed-in user changes their own password: the current one, then the new one twice. Every
 * other session of theirs ends; the caller issues this session anew under the returned version.
 */
export async function changeOwnPassword(user: SessionUser, input: ChangePasswordInput): Promise<{ sessionVersion: number }> {
  assertCan(user, 'account.self');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx
      .select({ hash: users.passwordHash, username: users.username, active: users.active })
      .from(users)
      .where(eq(users.id, user.id))
      .for('update');
    if (!current?.active) throw new AppError('unauthenticated');
    if (!(await verifyPassword(current.hash, input.current))) throw refuse('invalid_input', passwordMessages.currentWrong, 'current');
    if (input.next.toLowerCase() === current.username.toLowerCase()) throw refuse('invalid_input', passwordMessages.sameAsUsername, 'next');
    if (await usedRecently(tx, user.id, current.hash, input.next)) throw refuse('invalid_input', passwordMessages.reused, 'next');
    const sessionVersion = await replacePassword(tx, user.id, current.hash, await hashPassword(input.next), false);
    await recordAudit(tx, user, { action: 'user.password_change', entity: 'user', entityId: user.id, regionCode: user.regionCode });
    return { sessionVersion };
  });
}

// Temporary passwords: 12 characters of letters and digits without look-alikes (about 70 bits).
const TEMP_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

export function temporaryPassword(): string {
  for (;;) {
    const candidate = Array.from({ length: 12 }, () => TEMP_ALPHABET[randomInt(TEMP_ALPHABET.length)]).join('');
    if (passwordSchema.safeParse(candidate).success && /\d/.test(candidate) && /[a-z]/.test(candidate) && /[A-Z]/.test(candidate)) {
      return candidate;
    }
  }
}

/**
 * An admin resets a user's password to a one-time temporary one, shown to the admin once and
 * never stored in clear: the user must choose their own at the next sign-in, and every session
 * of theirs ends now. The audit row has the reason, never the password.
 */
export async function resetUserPassword(actor: SessionUser, input: ResetPasswordInput): Promise<{ temporaryPassword: string; username: string }> {
  assertCan(actor, 'user.manage');
  const db = await getDb();
  const temporary = temporaryPassword();
  const hash = await hashPassword(temporary);
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
    assertCovers(actor, current?.regionCode);
    if (!current) throw new AppError('not_found');
    if (current.id === actor.id) throw refuse('same_person', passwordMessages.notOwnReset, 'userId');
    await replacePassword(tx, current.id, current.passwordHash, hash, true);
    await recordAudit(tx, actor, {
      action: 'user.password_reset',
      entity: 'user',
      entityId: current.id,
      regionCode: current.regionCode,
      after: { mustChangePassword: true },
      reason: input.reason,
    });
    return { temporaryPassword: temporary, username: current.username };
  });
}
