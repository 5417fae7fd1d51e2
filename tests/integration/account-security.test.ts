// Issue 12: passwords (own change, an admin's reset to a one-time temporary password, the last 5
// not reusable, other sessions ended, audited) and the second factor (TOTP enrolment, codes good
// once, recovery codes spent once even under a race, an admin's reset, demo mode skips it).
import { and, desc, eq } from 'drizzle-orm';
import { generate } from 'otplib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { auditLog, passwordHistory, totpRecoveryCodes, users } from '@/db/schema';
import { resolveSessionState, resolveSessionUser } from '@/lib/auth/session-check';
import { signInWithPassword } from '@/lib/auth/sign-in';
import type { SessionUser } from '@/lib/auth/types';
import { createUser } from '@/lib/users/create-user';
import { changeOwnPassword, changePasswordSchema, resetUserPassword } from '@/lib/users/passwords';
import { confirmEnrolment, pendingEnrolment, renewRecoveryCodes, resetSecondFactor } from '@/lib/users/second-factor';
import { appDb, signedIn } from './support/app';

const noWait = async () => {};
const INITIAL = 'Kangcheng#2026';
let seq = 0;
let ipSeq = 0;
const freshIp = () => `10.77.${Math.floor(ipSeq / 250)}.${(ipSeq++ % 250) + 1}`;

afterEach(() => vi.unstubAllEnvs());

async function freshUser(role: 'caseworker' | 'supervisor', tag: string) {
  const admin = await signedIn('admin');
  const username = `as-${tag}-${Date.now().toString(36)}-${seq++}`;
  const regionCode = role === 'caseworker' ? '141130101' : '141130';
  const { id } = await createUser(admin, { username, name: '安全测试', role, regionCode, password: INITIAL });
  return { admin, id, username };
}

async function row(id: string) {
  const db = await appDb();
  const [r] = await db.select().from(users).where(eq(users.id, id));
  return r!;
}

/** The session a sign-in would give, as the request sees it (pending step included). */
async function stateOf(id: string, extra: { enrol?: true } = {}) {
  const r = await row(id);
  return resolveSessionState(await appDb(), { uid: r.id, sv: r.sessionVersion, loginAt: Date.now() / 1000, ...extra }, Date.now());
}

async function asUser(id: string, extra: { enrol?: true } = {}): Promise<SessionUser> {
  const state = await stateOf(id, extra);
  if (!state) throw new Error('no session');
  return state.user;
}

const change = (user: SessionUser, current: string, next: string) =>
  changeOwnPassword(user, changePasswordSchema.parse({ current, next, confirm: next }));

const signIn = async (username: string, password: string, otp?: string, now = new Date()) =>
  signInWithPassword(await appDb(), { username, password, ip: freshIp(), ...(otp === undefined ? {} : { otp }) }, now, noWait);

describe('passwords', () => {
  it('a created account must choose its own password before anything else; the change ends its other sessions', async () => {
    const { id, username } = await freshUser('caseworker', 'first');
    expect((await stateOf(id))?.pending).toBe('password');
    const before = await row(id);
    const oldClaims = { uid: id, sv: before.sessionVersion, loginAt: Date.now() / 1000 };
    expect(await resolveSessionUser(await appDb(), oldClaims, Date.now()), 'no full session while the step is owed').toBeNull();

    const user = await asUser(id);
    const { sessionVersion } = await change(user, INITIAL, 'Lvliang-Jiaokou-77');
    expect(sessionVersion).toBe(before.sessionVersion + 1);
    expect(await resolveSessionUser(await appDb(), oldClaims, Date.now()), 'the old session version ends').toBeNull();
    expect(await resolveSessionUser(await appDb(), { ...oldClaims, sv: sessionVersion }, Date.now())).toMatchObject({ id });
    expect((await signIn(username, INITIAL)).ok).toBe(false);
    expect((await signIn(username, 'Lvliang-Jiaokou-77')).ok).toBe(true);

    const db = await appDb();
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'user.password_change')));
    expect(audit).toMatchObject({ actorId: id, entity: 'user' });
    expect(JSON.stringify(audit)).not.toContain('Lvliang-Jiaokou-77');
  });

  it('refuses a wrong current password, the same password again, a mismatch and the user name, at their fields', async () => {
    const { id, username } = await freshUser('caseworker', 'bad');
    const user = await asUser(id);
    await expect(change(user, 'not-my-password', 'Lvliang-Fenyang-1')).rejects.toMatchObject({ code: 'invalid_input', fieldErrors: { current: '当前密码不正确' } });
    await expect(change(user, INITIAL, INITIAL)).rejects.toMatchObject({ fieldErrors: { next: '新密码不能与最近 5 次使用过的密码相同' } });
    const mismatch = changePasswordSchema.safeParse({ current: INITIAL, next: 'Lvliang-Fenyang-1', confirm: 'Lvliang-Fenyang-2' });
    expect(mismatch.success).toBe(false);
    expect(mismatch.error?.issues[0]).toMatchObject({ path: ['confirm'], message: '两次输入的新密码不一致' });
    const usernameLike = `${username.slice(0, 1).toUpperCase()}${username.slice(1)}`;
    await expect(change(user, INITIAL, usernameLike)).rejects.toMatchObject({ fieldErrors: { next: '密码不能与用户名相同' } });
    expect((await row(id)).mustChangePassword, 'nothing changed').toBe(true);
  });

  it('the last 5 passwords cannot be chosen again; the sixth one back can', async () => {
    const { id } = await freshUser('caseworker', 'hist');
    const chain = [INITIAL, 'Pw-Alpha-2026', 'Pw-Bravo-2026', 'Pw-Charlie-2026', 'Pw-Delta-2026', 'Pw-Echo-2026'];
    for (let i = 1; i < chain.length; i++) await change(await asUser(id), chain[i - 1]!, chain[i]!);
    // The last 5: Echo (current), Delta, Charlie, Bravo, Alpha. INITIAL is the sixth back.
    for (const old of chain.slice(1)) {
      await expect(change(await asUser(id), 'Pw-Echo-2026', old), old).rejects.toMatchObject({ fieldErrors: { next: '新密码不能与最近 5 次使用过的密码相同' } });
    }
    await change(await asUser(id), 'Pw-Echo-2026', INITIAL);
    const db = await appDb();
    const kept = await db.select().from(passwordHistory).where(eq(passwordHistory.userId, id)).orderBy(desc(passwordHistory.createdAt));
    expect(kept.length, 'no more history than the rule reads').toBe(4);
  });

  it('an admin resets to a one-time temporary password: old sessions end, it signs in once and must be changed', async () => {
    const { admin, id, username } = await freshUser('caseworker', 'reset');
    await change(await asUser(id), INITIAL, 'Mine-Own-2026');
    const before = await row(id);
    const { temporaryPassword } = await resetUserPassword(admin, { userId: id, reason: '本人遗忘密码，电话核实身份' });
    expect(temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/);
    const after = await row(id);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expect(after.mustChangePassword).toBe(true);
    expect(after.passwordHash).not.toContain(temporaryPassword);

    expect((await signIn(username, 'Mine-Own-2026')).ok, 'the old password is gone').toBe(false);
    const signed = await signIn(username, temporaryPassword);
    expect(signed.ok).toBe(true);
    expect((await stateOf(id))?.pending, 'every page leads to the change').toBe('password');
    await expect(change(await asUser(id), temporaryPassword, 'Mine-Own-2026'), 'the password before the reset is among the last 5').rejects.toMatchObject({
      fieldErrors: { next: '新密码不能与最近 5 次使用过的密码相同' },
    });
    await change(await asUser(id), temporaryPassword, 'Mine-Newer-2026');
    expect((await stateOf(id))?.pending).toBeNull();

    const db = await appDb();
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'user.password_reset')));
    expect(audit).toMatchObject({ actorId: admin.id, reason: '本人遗忘密码，电话核实身份' });
    expect(JSON.stringify(audit)).not.toContain(temporaryPassword);
  });

  it('only an admin resets, never their own; a caseworker learns nothing', async () => {
    const { admin, id } = await freshUser('caseworker', 'who');
    const caseworker = await signedIn('caseworker');
    await expect(resetUserPassword(caseworker, { userId: id, reason: '试图重置' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(resetUserPassword(admin, { userId: admin.id, reason: '重置自己' })).rejects.toMatchObject({ code: 'same_person' });
    await expect(resetUserPassword(admin, { userId: '00000000-0000-4000-8000-000000000000', reason: '不存在' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

/** A supervisor who has chosen a password and enrolled, with the TOTP secret and recovery codes. */
async function enrolledSupervisor(tag: string) {
  const { admin, id, username } = await freshUser('supervisor', tag);
  await change(await asUser(id), INITIAL, 'Super-Visor-2026');
  const signed = await signIn(username, 'Super-Visor-2026');
  expect(signed).toMatchObject({ ok: true, user: { enrol: true } });
  expect((await stateOf(id, { enrol: true }))?.pending, 'a supervisor signed in with a password only must enrol').toBe('totp');
  const user = await asUser(id, { enrol: true });
  const { secret } = await pendingEnrolment(user);
  expect((await pendingEnrolment(user)).secret, 'opening the page again shows the same secret').toBe(secret);
  await expect(confirmEnrolment(user, { code: '000000' })).rejects.toMatchObject({ fieldErrors: { code: expect.stringContaining('动态口令不正确') } });
  const { recoveryCodes } = await confirmEnrolment(user, { code: await generate({ secret }) });
  return { admin, id, username, secret, recoveryCodes, password: 'Super-Visor-2026' };
}

describe('second factor (production)', () => {
  it('a supervisor enrols; the stored secret is encrypted; sign-in then asks for a code, each code good once', async () => {
    const s = await enrolledSupervisor('totp');
    expect(s.recoveryCodes).toHaveLength(10);
    expect(new Set(s.recoveryCodes).size).toBe(10);
    const r = await row(s.id);
    expect(r.totpSecret).not.toContain(s.secret);
    expect(r.totpPendingSecret).toBeNull();
    expect((await stateOf(s.id, { enrol: true }))?.pending, 'enrolled: the session is a full one').toBeNull();

    expect(await signIn(s.username, s.password)).toEqual({ ok: false, code: 'otp_required' });
    expect(await signIn(s.username, 'wrong-password', '123456')).toEqual({ ok: false, code: 'invalid' });
    // The next 30-second step (the enrolment used the current one): good once.
    const later = new Date(Date.now() + 30_000);
    const code = await generate({ secret: s.secret, epoch: Math.floor(later.getTime() / 1000) });
    expect(await signIn(s.username, s.password, code, later)).toMatchObject({ ok: true, user: { enrol: false } });
    expect(await signIn(s.username, s.password, code, later), 'the same code again').toEqual({ ok: false, code: 'otp_invalid' });
    expect(await signIn(s.username, s.password, '000000', later)).toEqual({ ok: false, code: 'otp_invalid' });
  });

  it('a recovery code signs in once, also when sent many times at once', async () => {
    const s = await enrolledSupervisor('recovery');
    const code = s.recoveryCodes[3]!;
    const results = await Promise.all(Array.from({ length: 8 }, () => signIn(s.username, s.password, code.toLowerCase().replace('-', ''))));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await signIn(s.username, s.password, code), 'spent').toEqual({ ok: false, code: 'otp_invalid' });
    expect((await signIn(s.username, s.password, s.recoveryCodes[4])).ok, 'another code still works').toBe(true);
    const db = await appDb();
    const used = await db.select().from(auditLog).where(and(eq(auditLog.entityId, s.id), eq(auditLog.action, 'auth.recovery_code_used')));
    expect(used).toHaveLength(2);
    const hashes = await db.select().from(totpRecoveryCodes).where(eq(totpRecoveryCodes.userId, s.id));
    expect(hashes.every((h) => !s.recoveryCodes.some((c) => h.codeHash.includes(c)))).toBe(true);
  });

  it('the same TOTP code sent many times at once signs in once', async () => {
    const s = await enrolledSupervisor('race');
    const later = new Date(Date.now() + 30_000);
    const code = await generate({ secret: s.secret, epoch: Math.floor(later.getTime() / 1000) });
    const results = await Promise.all(Array.from({ length: 8 }, () => signIn(s.username, s.password, code, later)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('new recovery codes need a current code and void the old ones', async () => {
    const s = await enrolledSupervisor('renew');
    const user = await asUser(s.id);
    await expect(renewRecoveryCodes(user, { code: '000000' })).rejects.toMatchObject({ code: 'invalid_input' });
    const later = Date.now() + 30_000;
    vi.setSystemTime(later);
    try {
      const { recoveryCodes } = await renewRecoveryCodes(user, { code: await generate({ secret: s.secret, epoch: Math.floor(later / 1000) }) });
      expect(recoveryCodes).toHaveLength(10);
      expect(await signIn(s.username, s.password, s.recoveryCodes[0], new Date(later))).toEqual({ ok: false, code: 'otp_invalid' });
      expect((await signIn(s.username, s.password, recoveryCodes[0], new Date(later))).ok).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('an admin resets the second factor: sessions end, codes void, the user enrols again at the next sign-in', async () => {
    const s = await enrolledSupervisor('adminreset');
    const before = await row(s.id);
    await expect(resetSecondFactor(await signedIn('supervisor'), { userId: s.id, reason: '手机丢失' })).rejects.toMatchObject({ code: 'not_found' });
    expect(await resetSecondFactor(s.admin, { userId: s.id, reason: '手机丢失，本人到窗口申请' })).toEqual({ changed: true });
    const after = await row(s.id);
    expect(after).toMatchObject({ totpSecret: null, totpEnabledAt: null, sessionVersion: before.sessionVersion + 1 });
    expect(await signIn(s.username, s.password, s.recoveryCodes[0]), 'no code is asked, none is checked').toMatchObject({ ok: true, user: { enrol: true } });
    const db = await appDb();
    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.entityId, s.id), eq(auditLog.action, 'user.totp_reset')));
    expect(audit).toMatchObject({ actorId: s.admin.id, reason: '手机丢失，本人到窗口申请' });
  });

  it('a caseworker is not asked to enrol unless the policy lists the role', async () => {
    const { id, username } = await freshUser('caseworker', 'policy');
    await change(await asUser(id), INITIAL, 'Case-Worker-2026');
    expect(await signIn(username, 'Case-Worker-2026')).toMatchObject({ ok: true, user: { enrol: false } });
    vi.stubEnv('TOTP_REQUIRED_ROLES', 'caseworker,supervisor,auditor,admin,finance');
    expect(await signIn(username, 'Case-Worker-2026')).toMatchObject({ ok: true, user: { enrol: true } });
  });
});

describe('second factor (demo mode)', () => {
  it('asks nobody for a code, not even an enrolled supervisor, and asks nobody to enrol', async () => {
    const s = await enrolledSupervisor('demo');
    vi.stubEnv('DOUDI_DEMO', '1');
    expect(await signIn(s.username, s.password)).toMatchObject({ ok: true, user: { enrol: false } });
    const { id, username } = await freshUser('supervisor', 'demo2');
    await change(await asUser(id), INITIAL, 'Demo-Super-2026');
    expect(await signIn(username, 'Demo-Super-2026')).toMatchObject({ ok: true, user: { enrol: false } });
  });
});
