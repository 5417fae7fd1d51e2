import 'server-only';
import { and, asc, desc, eq, like } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { fundLedger, regions, reserveFunds } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { lateEntriesOf } from '@/lib/late-entries/queries';
import { scopePrefix } from '@/lib/regions/codes';

// A fund has no village: a village-level user matches none (the township column never equals a village code).
const fundScope = (user: SessionUser) => regionScope(user, { county: reserveFunds.countyCode, township: reserveFunds.townshipCode, village: reserveFunds.townshipCode });

/** The township reserve funds in the user's region, with their balance. */
export async function listFunds(user: SessionUser) {
  assertCan(user, 'tempaid.read');
  const db = await getDb();
  return db
    .select({ id: reserveFunds.id, townshipCode: reserveFunds.townshipCode, countyCode: reserveFunds.countyCode, balanceFen: reserveFunds.balanceFen, updatedAt: reserveFunds.updatedAt, townshipName: regions.name })
    .from(reserveFunds)
    .innerJoin(regions, eq(regions.code, reserveFunds.townshipCode))
    .where(fundScope(user))
    .orderBy(asc(reserveFunds.townshipCode));
}

/** The townships a supervisor may allocate to (every township in the region, with or without a fund yet). */
export async function listTownshipsInScope(user: SessionUser) {
  const db = await getDb();
  return db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(like(regions.code, `${scopePrefix(user.regionCode, user.regionLevel)}%`), eq(regions.level, 'township')))
    .orderBy(asc(regions.code));
}

/** One fund with its ledger, newest line first; null when missing or out of region. */
export async function getFund(user: SessionUser, id: string, limit = 500) {
  assertCan(user, 'tempaid.read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  const [fund] = await db
    .select({ id: reserveFunds.id, townshipCode: reserveFunds.townshipCode, balanceFen: reserveFunds.balanceFen, townshipName: regions.name })
    .from(reserveFunds)
    .innerJoin(regions, eq(regions.code, reserveFunds.townshipCode))
    .where(and(eq(reserveFunds.id, id), fundScope(user)));
  if (!fund) return null;
  const [ledger, lateEntries] = await Promise.all([
    db.select().from(fundLedger).where(eq(fundLedger.fundId, id)).orderBy(desc(fundLedger.id)).limit(limit),
    lateEntriesOf(user, 'reserve_fund', id),
  ]);
  return { ...fund, ledger, lateEntries };
}

/** A township's fund balance, or null when it has no fund (or lies outside the user's region). */
export async function fundBalanceOf(user: SessionUser, townshipCode: string): Promise<number | null> {
  assertCan(user, 'tempaid.read');
  const db = await getDb();
  const [fund] = await db
    .select({ balanceFen: reserveFunds.balanceFen })
    .from(reserveFunds)
    .where(and(eq(reserveFunds.townshipCode, townshipCode), fundScope(user)));
  return fund?.balanceFen ?? null;
}
