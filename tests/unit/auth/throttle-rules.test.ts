import { describe, expect, it } from 'vitest';
import { THROTTLE, delayFor, growingDelay, keysFor, nextFailures, refusalOf, type CounterRow } from '@/lib/auth/throttle-rules';

const now = new Date('2026-03-02T02:00:00Z');
const ago = (s: number) => new Date(now.getTime() - s * 1000);
const later = (s: number) => new Date(now.getTime() + s * 1000);
const row = (key: string, over: Partial<CounterRow> = {}): CounterRow => ({ key, failures: 1, windowStart: ago(10), lockedUntil: null, ...over });

describe('sign-in throttle rules', () => {
  const keys = keysFor(' WangXM ', '10.0.0.1');

  it('keys by the name as typed, case-folded, and the address', () => {
    expect(keys).toEqual({ pair: 'p:wangxm|10.0.0.1', account: 'u:wangxm', address: 'ip:10.0.0.1', known: 'k:wangxm|10.0.0.1' });
  });

  it('delays double from the attempt after the threshold, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 50].map((k) => growingDelay(k, 3))).toEqual([0, 0, 0, 500, 1000, 2000, 4000, 4000, 4000]);
    expect(delayFor({ pair: 1, account: 1, address: 1 })).toBe(0);
    expect(delayFor({ pair: 1, account: 1, address: THROTTLE.address.slowAfter + 1 })).toBe(500);
    expect(delayFor({ pair: 1, account: THROTTLE.account.lockAfter, address: 1 })).toBe(THROTTLE.maxDelayMs);
  });

  it('a pair lock refuses; an account lock refuses except from an address the account signed in from', () => {
    const pairLocked = [row(keys.pair, { lockedUntil: later(1) })];
    const accountLocked = [row(keys.account, { lockedUntil: later(1) })];
    expect(refusalOf(pairLocked, keys, now)).toBe('pair');
    expect(refusalOf(accountLocked, keys, now)).toBe('account');
    expect(refusalOf([...accountLocked, row(keys.known, { windowStart: ago(86_400) })], keys, now)).toBeNull();
    const stale = row(keys.known, { windowStart: ago(THROTTLE.knownAddressDays * 86_400 + 1) });
    expect(refusalOf([...accountLocked, stale], keys, now), 'known no longer after knownAddressDays').toBe('account');
    expect(refusalOf([row(keys.pair, { lockedUntil: now })], keys, now), 'a lock ends at its time').toBeNull();
  });

  it('counts within a window from the first failure, then starts over', () => {
    expect(nextFailures(undefined, now)).toBe(1);
    expect(nextFailures(row(keys.pair, { failures: 5, windowStart: ago(THROTTLE.windowSeconds - 1) }), now)).toBe(6);
    expect(nextFailures(row(keys.pair, { failures: 5, windowStart: ago(THROTTLE.windowSeconds) }), now)).toBe(1);
  });
});
