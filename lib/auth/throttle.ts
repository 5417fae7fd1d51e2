import 'server-only';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { signInThrottle } from '@/db/schema';

// Security settings, not social-assistance policy: kept in code on purpose.
export const THROTTLE = {
  windowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
  slowAfter: 3, // failures before answers start to slow down
  delayStepMs: 400,
  maxDelayMs: 3_000,
  lockAfterPerAccount: 8,
  lockAfterPerAddress: 30, // an office shares one address: allow more before refusing all of it
} as const;

export const accountKey = (username: string) => `u:${username.trim().toLowerCase()}`;
export const addressKey = (ip: string) => `ip:${ip}`;

export interface ThrottleState {
  locked: boolean;
  delayMs: number;
}

export async function throttleState(db: Db, keys: string[], now: Date): Promise<ThrottleState> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowSeconds * 1000);
  const rows = await db
    .select()
    .from(signInThrottle)
    .where(and(inArray(signInThrottle.key, keys), gt(signInThrottle.windowStart, windowStart)));
  const locked = rows.some((r) => r.lockedUntil !== null && r.lockedUntil > now);
  const failures = Math.max(0, ...rows.map((r) => r.failures));
  const over = failures - THROTTLE.slowAfter + 1;
  const delayMs = over > 0 ? Math.min(THROTTLE.maxDelayMs, over * THROTTLE.delayStepMs) : 0;
  return { locked, delayMs };
}

/** Counts one failure against a key, atomically; locks the key once it reaches its limit. */
export async function recordFailure(db: Db, key: string, lockAfter: number, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowSeconds * 1000);
  const lockUntil = new Date(now.getTime() + THROTTLE.lockSeconds * 1000);
  const fresh = sql`${signInThrottle.windowStart} <= ${windowStart.toISOString()}::timestamptz`;
  const next = sql`case when ${fresh} then 1 else ${signInThrottle.failures} + 1 end`;
  await db
    .insert(signInThrottle)
    .values({ key, failures: 1, windowStart: now, lockedUntil: lockAfter <= 1 ? lockUntil : null })
    .onConflictDoUpdate({
      target: signInThrottle.key,
      set: {
        failures: next,
        windowStart: sql`case when ${fresh} then ${now.toISOString()}::timestamptz else ${signInThrottle.windowStart} end`,
        lockedUntil: sql`case when ${next} >= ${lockAfter} then ${lockUntil.toISOString()}::timestamptz else ${signInThrottle.lockedUntil} end`,
      },
    });
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.delete(signInThrottle).where(eq(signInThrottle.key, key));
}
