// Helpers of the temporary-aid integration tests: fund balances, expected refusals, and caseworkers
// placed in a township of their own so a test can own a fund outright.
import { and, eq, like, ne, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { regions, reserveFunds, users } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import type { FirstResponseInput } from '@/lib/temp-aid/schemas';
import { appDb, signedIn } from './app';

export const KANGCHENG = '141130101';

export async function balanceOf(townshipCode: string): Promise<number | null> {
  const db = await appDb();
  const [f] = await db.select({ b: reserveFunds.balanceFen }).from(reserveFunds).where(eq(reserveFunds.townshipCode, townshipCode));
  return f?.b ?? null;
}

/** Runs a verb that must be refused, and returns the AppError it was refused with. */
export async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, 'the verb should have been refused').toBeInstanceOf(AppError);
  return e as AppError;
}

export function firstResponse(householdId: string, over: Partial<FirstResponseInput> = {}): FirstResponseInput {
  return {
    householdId,
    newHousehold: undefined,
    cause: 'accidental_injury',
    narrative: '户主务工时从高处坠落，家中无其他收入',
    amountFen: 100_000,
    method: 'cash',
    payeeName: '测试户主',
    receiptNo: `KC-${Math.floor(Math.random() * 1e9)}`,
    sameCauseNote: undefined,
    documents: [],
    ...over,
  };
}

/** A township of 交口县 other than 康城镇, with one of its villages: a fund a test can own. */
export async function otherTownship(n = 1): Promise<{ township: string; village: string }> {
  const db = await appDb();
  const rows = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.level, 'township'), like(regions.code, '141130%'), ne(regions.code, KANGCHENG)))
    .orderBy(regions.code);
  const township = rows[n]!.code;
  const [v] = await db.select({ code: regions.code }).from(regions).where(and(eq(regions.level, 'village'), eq(regions.townshipCode, township))).limit(1);
  return { township, village: v!.code };
}

/** A caseworker of that township (created once), signed in. */
export async function caseworkerOf(township: string, tag: string): Promise<SessionUser> {
  const db = await appDb();
  const username = `cw_${tag}_${township}`;
  await db
    .insert(users)
    .values({ username, name: `经办人${tag}`, role: 'caseworker', regionCode: township, passwordHash: 'x' })
    .onConflictDoNothing();
  return signedIn(username);
}

export async function ledgerSum(fundTownship: string): Promise<{ inFen: number; outFen: number; lines: number }> {
  const db = await appDb();
  const rows = await db.execute<{ in_fen: string; out_fen: string; lines: number }>(sql`
    select coalesce(sum(amount_fen) filter (where kind in ('allocation', 'top_up', 'recovery')), 0) as in_fen,
           coalesce(sum(amount_fen) filter (where kind in ('draw', 'return')), 0) as out_fen,
           count(*)::int as lines
    from fund_ledger l join reserve_funds f on f.id = l.fund_id where f.township_code = ${fundTownship}`);
  const r = rows[0]!;
  return { inFen: Number(r.in_fen), outFen: Number(r.out_fen), lines: r.lines };
}
