import 'server-only';
import { and, eq, gt, inArray, like, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { signInThrottle, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import {
  THROTTLE,
  delayFor,
  isKnownAddress,
  nextFailures,
  refusalOf,
  type CounterRow,
  type Keys,
  type Refusal,
} from './throttle-rules';

export { THROTTLE } from './throttle-rules';

// pg_advisory_xact_lock(namespace, hashtext(account key)): the attempts on one account take
// turns for the few milliseconds of their bookkeeping (never during the password check), so
// two requests sent at once cannot both read "not locked yet" and both get a guess in.
const ACCOUNT_LOCK_NAMESPACE = 7_355_012;

export interface Attempt {
  /** Refused before any password check, by this lock. */
  refused: Refusal;
  /** The counts with this attempt included. */
  counts: { pair: number; account: number; address: number };
  delayMs: number;
  /** This address signed in to this account before (the account-wide lock spares it). */
  known: boolean;
}

const lockAccount = (tx: Tx, keys: Keys) =>
  tx.execute(sql`select pg_advisory_xact_lock(${ACCOUNT_LOCK_NAMESPACE}, hashtext(${keys.account}))`);

function counter(key: string, row: CounterRow | undefined, now: Date, lockAfter: number, lockSeconds: number): CounterRow {
  const failures = nextFailures(row, now);
  const fresh = failures === 1;
  const lockUntil = new Date(now.getTime() + lockSeconds * 1000);
  return {
    key,
    failures,
    windowStart: fresh ? now : row!.windowStart,
    lockedUntil: failures >= lockAfter ? lockUntil : (row?.lockedUntil ?? null),
  };
}

const upsert = (tx: Tx, rows: CounterRow[]) =>
  tx
    .insert(signInThrottle)
    .values(rows)
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: { failures: sql`excluded.failures`, windowStart: sql`excluded.window_start`, lockedUntil: sql`excluded.locked_until` },
    });

/**
 * Counts an attempt before its password is checked (a success takes it back, settleSuccess).
 * An attempt refused by the pair lock counts on the pair too, so an address that keeps trying
 * keeps its lock on. The pair and the account are read and written under the account's lock;
 * the address, shared by every account, is incremented in place.
 */
export async function reserveAttempt(db: Db, keys: Keys, now: Date): Promise<Attempt> {
  return db.transaction(async (tx) => {
    await lockAccount(tx, keys);
    const rows = await tx
      .select()
      .from(signInThrottle)
      .where(inArray(signInThrottle.key, [keys.pair, keys.account, keys.known]));
    const refused = refusalOf(rows, keys, now);
    const known = isKnownAddress(rows.find((r) => r.key === keys.known), now);
    const find = (k: string) => rows.find((r) => r.key === k);
    const pair = counter(keys.pair, find(keys.pair), now, THROTTLE.pair.lockAfter, THROTTLE.pair.lockSeconds);
    // The account counts guesses: an attempt refused unchecked is none (hammering one address
    // past its pair lock does not lock the account for everyone).
    const account = refused
      ? (find(keys.account) ?? { key: keys.account, failures: 0, windowStart: now, lockedUntil: null })
      : counter(keys.account, find(keys.account), now, THROTTLE.account.lockAfter, THROTTLE.account.lockSeconds);
    await upsert(tx, refused ? [pair] : [pair, account]);

    const windowStart = new Date(now.getTime() - THROTTLE.windowSeconds * 1000).toISOString();
    const fresh = sql`${signInThrottle.windowStart} <= ${windowStart}::timestamptz`;
    const [address] = await tx
      .insert(signInThrottle)
      .values({ key: keys.address, failures: 1, windowStart: now, lockedUntil: null })
      .onConflictDoUpdate({
        target: signInThrottle.key,
        set: {
          failures: sql`case when ${fresh} then 1 else ${signInThrottle.failures} + 1 end`,
          windowStart: sql`case when ${fresh} then ${now.toISOString()}::timestamptz else ${signInThrottle.windowStart} end`,
        },
      })
      .returning({ failures: signInThrottle.failures });

    if (!refused && account.failures === THROTTLE.account.lockAfter) await reportAttack(tx, keys, account);
    const counts = { pair: pair.failures, account: account.failures, address: address?.failures ?? 1 };
    return { refused, counts, delayMs: refused ? 0 : delayFor(counts), known };
  });
}

/** The account-wide limit was just reached: an audit row (the admins' user page lists the account while it lasts). */
async function reportAttack(tx: Tx, keys: Keys, account: CounterRow): Promise<void> {
  const username = keys.account.slice(2);
  const [user] = await tx
    .select({ id: users.id, regionCode: users.regionCode })
    .from(users)
    .where(eq(sql`lower(${users.username})`, username))
    .limit(1);
  await recordAudit(tx, null, {
    action: 'auth.account_under_attack',
    entity: 'user',
    entityId: user?.id ?? null,
    regionCode: user?.regionCode ?? null,
    after: {
      username,
      accountExists: !!user,
      failures: account.failures,
      windowMinutes: THROTTLE.windowSeconds / 60,
      lockedUntil: account.lockedUntil?.toISOString() ?? null,
    },
    reason: `${THROTTLE.windowSeconds / 60} 分钟内登录失败 ${account.failures} 次，已锁定该账号（此前成功登录过的地址除外）`,
  });
}

/**
 * The password was right: the attempt no longer counts against the account and the address,
 * the pair starts over, and the address becomes one this account is known to sign in from.
 * Expired counters are swept on the way (an attacker typing made-up names leaves many).
 */
export async function settleSuccess(db: Db, keys: Keys, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await lockAccount(tx, keys);
    await tx.delete(signInThrottle).where(eq(signInThrottle.key, keys.pair));
    const minusOne = { failures: sql`greatest(${signInThrottle.failures} - 1, 0)` };
    await tx.update(signInThrottle).set(minusOne).where(inArray(signInThrottle.key, [keys.account, keys.address]));
    await upsert(tx, [{ key: keys.known, failures: 0, windowStart: now, lockedUntil: null }]);

    const windowStart = new Date(now.getTime() - THROTTLE.windowSeconds * 1000);
    const knownSince = new Date(now.getTime() - THROTTLE.knownAddressDays * 86_400_000);
    await tx.delete(signInThrottle).where(
      or(
        and(like(signInThrottle.key, 'k:%'), lt(signInThrottle.windowStart, knownSince)),
        and(
          sql`${signInThrottle.key} not like 'k:%'`,
          lt(signInThrottle.windowStart, windowStart),
          or(sql`${signInThrottle.lockedUntil} is null`, lt(signInThrottle.lockedUntil, now)),
        ),
      ),
    );
  });
}

/** Accounts at the account-wide limit now (locked, or past it within the window), for the admins. */
export async function accountsAtLimit(db: Db, now: Date) {
  const windowStart = new Date(now.getTime() - THROTTLE.windowSeconds * 1000);
  return db
    .select({
      username: sql<string>`substr(${signInThrottle.key}, 3)`,
      name: users.name,
      regionCode: users.regionCode,
      failures: signInThrottle.failures,
      windowStart: signInThrottle.windowStart,
      lockedUntil: signInThrottle.lockedUntil,
    })
    .from(signInThrottle)
    .leftJoin(users, eq(sql`lower(${users.username})`, sql`substr(${signInThrottle.key}, 3)`))
    .where(
      and(
        like(signInThrottle.key, 'u:%'),
        or(
          gt(signInThrottle.lockedUntil, now),
          and(gt(signInThrottle.windowStart, windowStart), sql`${signInThrottle.failures} >= ${THROTTLE.account.lockAfter}`),
        ),
      ),
    )
    .orderBy(sql`${signInThrottle.failures} desc`);
}
