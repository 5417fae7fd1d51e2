import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '@/db/seed/demo';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { THROTTLE } from '@/lib/auth/throttle';
import { appDb } from './support/app';

const noWait = async () => {};

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

  it('slows, then locks an account after repeated failures, existing or not, and even for the right password', async () => {
    const db = await appDb();
    const now = new Date();
    for (const username of ['caseworker2', 'ghost-account']) {
      const waits: number[] = [];
      const wait = async (ms: number) => void waits.push(ms);
      let last;
      for (let i = 0; i < THROTTLE.lockAfterPerAccount; i++) {
        last = await signInWithPassword(db, { username, password: 'wrong-password', ip: `10.8.${i}.1` }, now, wait);
      }
      expect(last).toEqual({ ok: false, code: 'locked' });
      // From the failure that reaches slowAfter on, each answer waits one step longer (400, 800, … ms).
      const steps = THROTTLE.lockAfterPerAccount - THROTTLE.slowAfter;
      expect(waits).toEqual(Array.from({ length: steps }, (_, k) => Math.min(THROTTLE.maxDelayMs, (k + 1) * THROTTLE.delayStepMs)));
      expect(waits[waits.length - 1]).toBeGreaterThan(waits[0]!);
      const right = await signInWithPassword(db, { username, password: DEMO_PASSWORD, ip: '10.8.99.1' }, now, wait);
      expect(right).toEqual({ ok: false, code: 'locked' });
    }
    const later = new Date(now.getTime() + (THROTTLE.lockSeconds + THROTTLE.windowSeconds + 1) * 1000);
    const afterLock = await signInWithPassword(db, { username: 'caseworker2', password: DEMO_PASSWORD, ip: '10.8.99.2' }, later, noWait);
    expect(afterLock.ok).toBe(true);
  });

  it('locks one address that tries many accounts', async () => {
    const db = await appDb();
    const now = new Date();
    let last;
    for (let i = 0; i < THROTTLE.lockAfterPerAddress; i++) {
      last = await signInWithPassword(db, { username: `spray-${i}`, password: 'wrong-password', ip: '10.7.7.7' }, now, noWait);
    }
    expect(last).toEqual({ ok: false, code: 'locked' });
    const fromThere = await signInWithPassword(db, { username: 'auditor', password: DEMO_PASSWORD, ip: '10.7.7.7' }, now, noWait);
    expect(fromThere).toEqual({ ok: false, code: 'locked' });
  });
});
