import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type Tx } from '@/db/client';
import { totpRecoveryCodes, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import { hashPassword } from '@/lib/auth/password';
import { recoveryCodesLeft } from '@/lib/auth/second-factor';
import { groupedSecret, newRecoveryCodes, newTotpSecret, openSecret, otpauthUri, qrDataUrl, sealSecret, verifyTotp } from '@/lib/auth/totp';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { safeText } from '@/lib/core/safe-text';
import { secondFactorMessages } from './messages';

export const confirmTotpSchema = z.object({
  code: z
    .string()
    .transform((v) => v.replace(/\s/g, ''))
    .pipe(z.string().regex(/^\d{6}$/, '请输入验证器应用中显示的 6 位数字')),
});

export const resetSecondFactorSchema = z.object({
  userId: z.uuid('用户不存在'),
  reason: safeText('重置原因', { multiline: true }).min(2, '请填写重置原因').max(200, '原因最长 200 个字符'),
});

export interface SecondFactorStatus {
  enrolledAt: Date | null;
  recoveryCodesLeft: number;
}

export async function secondFactorStatus(user: SessionUser): Promise<SecondFactorStatus> {
  const db = await getDb();
  const [row] = await db.select({ enrolledAt: users.totpEnabledAt }).from(users).where(eq(users.id, user.id));
  return { enrolledAt: row?.enrolledAt ?? null, recoveryCodesLeft: await recoveryCodesLeft(db, user.id) };
}

/**
 * The enrolment in progress: a new secret the first time (kept, encrypted, as the pending one until
 * a code from it is typed), the same one when the page is opened again. Never for a user who has one.
 */
export async function pendingEnrolment(user: SessionUser): Promise<{ secret: string; grouped: string; uri: string; qr: string }> {
  assertCan(user, 'account.self');
  const db = await getDb();
  const secret = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ active: users.totpSecret, pending: users.totpPendingSecret })
      .from(users)
      .where(eq(users.id, user.id))
      .for('update');
    if (!row) throw new AppError('unauthenticated');
    if (row.active) throw refuse('precondition', secondFactorMessages.alreadyEnrolled);
    if (row.pending) return openSecret(row.pending);
    const fresh = newTotpSecret();
    await tx.update(users).set({ totpPendingSecret: sealSecret(fresh) }).where(eq(users.id, user.id));
    return fresh;
  });
  const uri = otpauthUri(secret, user.username);
  return { secret, grouped: groupedSecret(secret), uri, qr: await qrDataUrl(uri) };
}

async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  const hashes = await Promise.all(codes.map((c) => hashPassword(c)));
  await tx.delete(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, userId));
  await tx.insert(totpRecoveryCodes).values(hashes.map((codeHash) => ({ userId, codeHash })));
  return codes;
}

/**
 * The first code from the app confirms the enrolment: the pending secret becomes the user's, ten
 * recovery codes are drawn (shown once, stored hashed) and every other session of the user ends.
 */
export async function confirmEnrolment(user: SessionUser, input: z.output<typeof confirmTotpSchema>): Promise<{ recoveryCodes: string[]; sessionVersion: number }> {
  assertCan(user, 'account.self');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ active: users.totpSecret, pending: users.totpPendingSecret })
      .from(users)
      .where(eq(users.id, user.id))
      .for('update');
    if (!row) throw new AppError('unauthenticated');
    if (row.active) throw refuse('precondition', secondFactorMessages.alreadyEnrolled, 'code');
    if (!row.pending) throw refuse('invalid_input', secondFactorMessages.noEnrolment, 'code');
    const step = await verifyTotp(openSecret(row.pending), input.code, null);
    if (step === null) throw refuse('invalid_input', secondFactorMessages.codeWrong, 'code');
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    const [updated] = await tx
      .update(users)
      .set({
        totpSecret: row.pending,
        totpPendingSecret: null,
        totpEnabledAt: new Date(),
        totpLastStep: step,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, user.id))
      .returning({ sv: users.sessionVersion });
    await recordAudit(tx, user, { action: 'user.totp_enrol', entity: 'user', entityId: user.id, regionCode: user.regionCode });
    return { recoveryCodes, sessionVersion: updated!.sv };
  });
}

/** New recovery codes (the old ones stop working), confirmed by a current code from the app. */
export async function renewRecoveryCodes(user: SessionUser, input: z.output<typeof confirmTotpSchema>): Promise<{ recoveryCodes: string[] }> {
  assertCan(user, 'account.self');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ secret: users.totpSecret, last: users.totpLastStep })
      .from(users)
      .where(eq(users.id, user.id))
      .for('update');
    if (!row?.secret) throw refuse('precondition', secondFactorMessages.notEnrolled, 'code');
    const step = await verifyTotp(openSecret(row.secret), input.code, row.last);
    if (step === null) throw refuse('invalid_input', secondFactorMessages.codeWrong, 'code');
    await tx.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
    const recoveryCodes = await replaceRecoveryCodes(tx, user.id);
    await recordAudit(tx, user, { action: 'user.recovery_codes_renew', entity: 'user', entityId: user.id, regionCode: user.regionCode });
    return { recoveryCodes };
  });
}

/**
 * An admin clears a user's second factor (a lost phone): the user enrols again at the next
 * sign-in, their recovery codes are void and every session of theirs ends. Audited with the reason.
 */
export async function resetSecondFactor(actor: SessionUser, input: z.output<typeof resetSecondFactorSchema>): Promise<{ changed: boolean }> {
  assertCan(actor, 'user.manage');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
    assertCovers(actor, current?.regionCode);
    if (!current) throw new AppError('not_found');
    if (!current.totpSecret && !current.totpPendingSecret) return { changed: false };
    await tx
      .update(users)
      .set({
        totpSecret: null,
        totpPendingSecret: null,
        totpEnabledAt: null,
        totpLastStep: null,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, current.id));
    await tx.delete(totpRecoveryCodes).where(and(eq(totpRecoveryCodes.userId, current.id), isNull(totpRecoveryCodes.usedAt)));
    await recordAudit(tx, actor, {
      action: 'user.totp_reset',
      entity: 'user',
      entityId: current.id,
      regionCode: current.regionCode,
      before: { secondFactor: true },
      after: { secondFactor: false },
      reason: input.reason,
    });
    return { changed: true };
  });
}
