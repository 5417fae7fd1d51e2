// How failed sign-ins are counted and what they cost, as pure rules (the database side is
// throttle.ts). Security settings, not social-assistance policy: kept in code on purpose.
//
// A lock must not be a weapon: anybody can type a caseworker's user name. So the lock that comes
// quickly is on the pair (account, address) — it stops the guesser's address, not the
// caseworker at the office — and the account as a whole is locked only at a rate no person
// reaches (a distributed attack, reported to the admins), and even then not for the addresses
// the account has signed in from before.

export const THROTTLE = {
  windowSeconds: 15 * 60, // failures count within a window that starts at the first of them
  delayStepMs: 500,
  maxDelayMs: 4_000,
  pair: { slowAfter: 3, lockAfter: 8, lockSeconds: 5 * 60 },
  account: { lockAfter: 100, lockSeconds: 15 * 60 },
  // One address trying many accounts is slowed, never locked: an office shares one address,
  // and a proxy left out of TRUSTED_PROXIES would make every user one address.
  address: { slowAfter: 30 },
  knownAddressDays: 30,
} as const;

const name = (username: string) => username.trim().toLowerCase();
export const pairKey = (username: string, ip: string) => `p:${name(username)}|${ip}`;
export const accountKey = (username: string) => `u:${name(username)}`;
export const addressKey = (ip: string) => `ip:${ip}`;
/** A (account, address) pair that signed in successfully: the account-wide lock spares it. */
export const knownKey = (username: string, ip: string) => `k:${name(username)}|${ip}`;

export interface CounterRow {
  key: string;
  failures: number;
  windowStart: Date;
  lockedUntil: Date | null;
}

export interface Keys {
  pair: string;
  account: string;
  address: string;
  known: string;
}

export const keysFor = (username: string, ip: string): Keys => ({
  pair: pairKey(username, ip),
  account: accountKey(username),
  address: addressKey(ip),
  known: knownKey(username, ip),
});

export const lockedAt = (row: CounterRow | undefined, now: Date) => !!row?.lockedUntil && row.lockedUntil > now;

export function isKnownAddress(row: CounterRow | undefined, now: Date): boolean {
  return !!row && now.getTime() - row.windowStart.getTime() < THROTTLE.knownAddressDays * 86_400_000;
}

export type Refusal = 'pair' | 'account' | null;

/** Before an attempt: is it refused outright, and by which lock? */
export function refusalOf(rows: CounterRow[], keys: Keys, now: Date): Refusal {
  const row = (k: string) => rows.find((r) => r.key === k);
  if (lockedAt(row(keys.pair), now)) return 'pair';
  if (lockedAt(row(keys.account), now) && !isKnownAddress(row(keys.known), now)) return 'account';
  return null;
}

/** 500 ms at the first attempt past `after`, doubling each time, at most maxDelayMs. */
export function growingDelay(attempt: number, after: number): number {
  const over = attempt - after;
  if (over <= 0) return 0;
  return Math.min(THROTTLE.maxDelayMs, THROTTLE.delayStepMs * 2 ** Math.min(over - 1, 16));
}

/** How long the attempt with these counts (this one included) waits before its answer. */
export function delayFor(counts: { pair: number; account: number; address: number }): number {
  return Math.max(
    growingDelay(counts.pair, THROTTLE.pair.slowAfter),
    growingDelay(counts.address, THROTTLE.address.slowAfter),
    // Under an account-wide lock a known address still gets in, slowly.
    counts.account >= THROTTLE.account.lockAfter ? THROTTLE.maxDelayMs : 0,
  );
}

/** The failure count after one more failure: a window over means this one starts a new one. */
export function nextFailures(row: CounterRow | undefined, now: Date): number {
  if (!row || now.getTime() - row.windowStart.getTime() >= THROTTLE.windowSeconds * 1000) return 1;
  return row.failures + 1;
}
