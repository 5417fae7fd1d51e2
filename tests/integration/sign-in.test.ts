import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, signInThrottle } from '@/db/schema';
import { DEMO_PASSWORD } from '@/db/seed/demo';
import { signInWithPassword, type SignInResult } from '@/lib/auth/sign-in';
import { THROTTLE, growingDelay } from '@/lib/auth/throttle-rules';
import { accountsUnderAttack } from '@/lib/auth/under-attack';
import { createUser } from '@/lib/users/create-user';
import { appDb, signedIn } from './support/app';

const noWait = async () => {};
const PASSWORD = 'Kangcheng#2026';
let seq = 0;

/** A caseworker of 康城镇 of this test alone, so that its counters are its own. */
async function freshUser(tag: string): Promise<string> {
  const username = `si-${tag}-${Date.now().toString(36)}-${seq++}`;
  await createUser(await signedIn('admin'), { username, name: '登录测试', role: 'caseworker', regionCode: '141130101', password: PASSWORD });
  return username;
}

async function attempt(username: string, password: string, ip: string, now: Date, waits?: number[]): Promise<SignInResult> {
  const wait = async (ms: number) => void waits?.push(ms);
  return signInWithPassword(await appDb(), { username, password, ip }, now, wait);
}

async function failures(username: string, ip: string, n: number, now: Date, waits?: number[]) {
  const codes: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = await attempt(username, 'wrong-password', ip, now, waits);
    codes.push(r.ok ? 'ok' : r.code);
  }
  return codes;
}

const seconds = (now: Date, s: number) => new Date(now.getTime() + s * 1000);

describe('sign-in with password', () => {
  it('accepts the right password, case-insensitive username', async () => {
    const result = await signInWithPassword(await appDb(), { username: 'Supervisor', password: DEMO_PASSWORD, ip: '10.9.0.1' }, new Date(), noWait);
    expect(result.ok).toBe(true);
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const db = await appDb();
    const wrong = await signInWithPassword(db, { username: 'auditor', password: 'not-the-password', ip: '10.9.0.2' }, new Date(), noWait);
    const unknown = await signInWithPassword(db, { username: 'nobody-here', password: 'not-the-password', ip: '10.9.0.3' }, new Date(), noWait);
    expect(wrong).toEqual({ ok: false, code: 'invalid' });
    expect(unknown).toEqual({ ok: false, code: 'invalid' });
  });
});

describe('the lock that comes quickly is on the (account, address) pair', () => {
  it('eight and more wrong passwords from one address do not stop the right password from another', async () => {
    const username = await freshUser('pair');
    const now = new Date();
    const waits: number[] = [];
    const codes = await failures(username, '10.20.0.1', 12, now, waits);
    // 7 plain refusals, the 8th says locked, and from then on the address is refused unchecked.
    expect(codes).toEqual([...Array(7).fill('invalid'), ...Array(5).fill('locked')]);
    // From the attempt after slowAfter on, each checked one waits twice as long (500, 1000, 2000, 4000 ms, at most 4 s).
    expect(waits).toEqual([4, 5, 6, 7, 8].map((k) => growingDelay(k, THROTTLE.pair.slowAfter)));
    expect(waits).toEqual([500, 1000, 2000, 4000, 4000]);

    const elsewhere = await attempt(username, PASSWORD, '10.20.0.2', seconds(now, 1));
    expect(elsewhere.ok, 'the caseworker at another address signs in').toBe(true);
    const there = await attempt(username, PASSWORD, '10.20.0.1', seconds(now, 2));
    expect(there, 'the attacking address stays locked, even with the right password').toEqual({ ok: false, code: 'locked' });
  });

  it('the pair lock is short: then one more guess, locked again while the address keeps trying; the right password gets in after', async () => {
    const username = await freshUser('short');
    const t0 = new Date();
    const lock = THROTTLE.pair.lockSeconds;
    await failures(username, '10.21.0.1', THROTTLE.pair.lockAfter, t0);
    expect(await attempt(username, PASSWORD, '10.21.0.1', seconds(t0, lock - 1)), 'during the lock').toEqual({ ok: false, code: 'locked' });
    // That refused attempt kept the lock on until lock - 1 + lock; after it, one guess is checked and locks again.
    expect(await attempt(username, 'wrong-password', '10.21.0.1', seconds(t0, 2 * lock))).toEqual({ ok: false, code: 'locked' });
    expect(await attempt(username, PASSWORD, '10.21.0.1', seconds(t0, 2 * lock + 1))).toEqual({ ok: false, code: 'locked' });
    const quiet = seconds(t0, 3 * lock + 2);
    expect((await attempt(username, PASSWORD, '10.21.0.1', quiet)).ok, 'once the address stopped for the lock, the right password').toBe(true);
    // A success starts the pair over: the next typo is a plain refusal.
    expect(await attempt(username, 'wrong-password', '10.21.0.1', seconds(quiet, 1))).toEqual({ ok: false, code: 'invalid' });
  });

  it('answers an account that does not exist exactly as one that does', async () => {
    const username = await freshUser('same');
    const now = new Date();
    const realWaits: number[] = [];
    const ghostWaits: number[] = [];
    const real = await failures(username, '10.22.0.1', 10, now, realWaits);
    const ghost = await failures(`${username}-ghost`, '10.22.0.2', 10, now, ghostWaits);
    expect(ghost).toEqual(real);
    expect(ghostWaits).toEqual(realWaits);
  });

  it('requests sent at once get no more guesses than requests sent one by one', async () => {
    const username = await freshUser('burst');
    const now = new Date();
    const db = await appDb();
    const results = await Promise.all(
      Array.from({ length: 20 }, () => signInWithPassword(db, { username, password: 'wrong-password', ip: '10.23.0.1' }, now, noWait)),
    );
    const codes = results.map((r) => (r.ok ? 'ok' : r.code));
    expect(codes.filter((c) => c === 'invalid'), 'only the checks before the lock are plain refusals').toHaveLength(THROTTLE.pair.lockAfter - 1);
    expect(codes.filter((c) => c === 'locked')).toHaveLength(20 - (THROTTLE.pair.lockAfter - 1));
    const [pair] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, `p:${username}|10.23.0.1`));
    const [account] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, `u:${username}`));
    expect(pair!.failures).toBe(20);
    expect(account!.failures, 'the account counts the guesses checked, not the refused').toBe(THROTTLE.pair.lockAfter);
  });
});

describe('one address, many accounts', () => {
  it('made-up names from one address slow it down but lock no one: the caseworker there still signs in', async () => {
    const username = await freshUser('spray');
    const now = new Date();
    const waits: number[] = [];
    const codes: string[] = [];
    for (let i = 0; i < 40; i++) {
      const r = await attempt(`made-up-${username}-${i}`, 'wrong-password', '10.30.0.1', now, waits);
      codes.push(r.ok ? 'ok' : r.code);
    }
    expect(codes).toEqual(Array(40).fill('invalid'));
    expect(waits.length, 'slowed from the attempt after address.slowAfter').toBe(40 - THROTTLE.address.slowAfter);
    expect(await attempt(username, PASSWORD, '10.30.0.1', seconds(now, 1))).toMatchObject({ ok: true });
    // Another address is not slowed at all.
    const other: number[] = [];
    expect(await attempt(username, PASSWORD, '10.30.0.2', seconds(now, 2), other)).toMatchObject({ ok: true });
    expect(other).toEqual([]);
  });
});

describe('the account-wide limit: a distributed attack', () => {
  it('locks the account for new addresses, spares the addresses it signed in from, and is reported to the admins', async () => {
    const username = await freshUser('wide');
    const db = await appDb();
    const now = new Date();
    expect((await attempt(username, PASSWORD, '10.40.0.1', now)).ok, 'the caseworker signs in at the office').toBe(true);

    const limit = THROTTLE.account.lockAfter;
    const perAddress = THROTTLE.pair.lockAfter;
    let sent = 0;
    let last: string | undefined;
    for (let a = 0; sent < limit; a++) {
      for (let i = 0; i < perAddress && sent < limit; i++, sent++) {
        const r = await attempt(username, 'wrong-password', `10.41.${a}.1`, seconds(now, 1));
        last = r.ok ? 'ok' : r.code;
        if (sent === limit - 2) {
          const [row] = await db.select().from(signInThrottle).where(eq(signInThrottle.key, `u:${username}`));
          expect(row!.lockedUntil, 'not locked before the limit').toBeNull();
        }
      }
    }
    expect(last, 'the guess that reaches the limit is told the account is locked').toBe('locked');

    const fresh = await attempt(username, PASSWORD, '10.42.0.1', seconds(now, 2));
    expect(fresh, 'right password from an address never used: locked').toEqual({ ok: false, code: 'locked' });
    const waits: number[] = [];
    const office = await attempt(username, PASSWORD, '10.40.0.1', seconds(now, 3), waits);
    expect(office.ok, 'the office the account signed in from before still gets in').toBe(true);
    expect(waits, '…slowly').toEqual([THROTTLE.maxDelayMs]);

    const audits = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'auth.account_under_attack'), sql`${auditLog.after}->>'username' = ${username}`));
    expect(audits, 'one audit row when the limit was reached').toHaveLength(1);
    expect(audits[0]).toMatchObject({ actorId: null, entity: 'user', regionCode: '141130101' });
    expect(audits[0]!.after).toMatchObject({ username, accountExists: true, failures: limit });

    const listed = await accountsUnderAttack(await signedIn('admin'), seconds(now, 4));
    expect(listed.find((a) => a.username === username)).toMatchObject({ name: '登录测试', failures: limit });
    await expect(accountsUnderAttack(await signedIn('caseworker'))).rejects.toMatchObject({ code: 'not_found' });

    const over = seconds(now, THROTTLE.account.lockSeconds + 3);
    expect((await attempt(username, PASSWORD, '10.42.0.1', over)).ok, 'the lock ends').toBe(true);
  }, 120_000);

  it('a name that belongs to no account reaches it the same way, and is listed as such', async () => {
    const username = `nobody-${Date.now().toString(36)}`;
    const now = new Date();
    let last: string | undefined;
    for (let sent = 0; sent < THROTTLE.account.lockAfter; sent++) {
      const r = await attempt(username, 'wrong-password', `10.43.${Math.floor(sent / THROTTLE.pair.lockAfter)}.1`, now);
      last = r.ok ? 'ok' : r.code;
    }
    expect(last).toBe('locked');
    expect(await attempt(username, 'wrong-password', '10.44.0.1', seconds(now, 1))).toEqual({ ok: false, code: 'locked' });
    const listed = await accountsUnderAttack(await signedIn('admin'), seconds(now, 2));
    expect(listed.find((a) => a.username === username)).toMatchObject({ name: null, regionCode: null });
  }, 120_000);
});
