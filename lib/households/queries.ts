import 'server-only';
import { and, asc, count, eq, gt } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { households, members, regions } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { maskIdNumber } from './mask';

const scopeOf = (user: SessionUser) =>
  regionScope(user, { county: households.countyCode, township: households.townshipCode, village: households.villageCode });

const village = alias(regions, 'village');
const township = alias(regions, 'township');

/** One page of households in the user's region, keyset-paginated by id; IDs masked. */
export async function listHouseholds(user: SessionUser, opts: { after?: string; limit?: number } = {}) {
  assertCan(user, 'household.read');
  const db = await getDb();
  const limit = Math.min(opts.limit ?? 50, 200);
  const rows = await db
    .select({
      id: households.id,
      address: households.address,
      villageName: village.name,
      townshipName: township.name,
      headName: members.name,
      headIdNumber: members.idNumber,
    })
    .from(households)
    .innerJoin(village, eq(village.code, households.villageCode))
    .innerJoin(township, eq(township.code, households.townshipCode))
    .leftJoin(members, and(eq(members.householdId, households.id), eq(members.isHead, true), eq(members.status, 'active')))
    .where(and(scopeOf(user), opts.after ? gt(households.id, opts.after) : undefined))
    .orderBy(asc(households.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit).map(({ headIdNumber, ...r }) => ({
    ...r,
    headIdMasked: headIdNumber ? maskIdNumber(headIdNumber) : '',
  }));
  return { rows: page, nextCursor: rows.length > limit ? page[page.length - 1]?.id : undefined };
}

export async function countHouseholds(user: SessionUser): Promise<number> {
  assertCan(user, 'household.read');
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(households).where(scopeOf(user));
  return row?.n ?? 0;
}

/** A household with its members, or null when it does not exist or lies outside the user's region. */
export async function getHousehold(user: SessionUser, id: string) {
  assertCan(user, 'household.read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  const [household] = await db
    .select({
      id: households.id,
      address: households.address,
      kind: households.kind,
      villageCode: households.villageCode,
      villageName: village.name,
      townshipName: township.name,
      registeredPoor: households.registeredPoor,
      status: households.status,
    })
    .from(households)
    .innerJoin(village, eq(village.code, households.villageCode))
    .innerJoin(township, eq(township.code, households.townshipCode))
    .where(and(eq(households.id, id), scopeOf(user)));
  if (!household) return null;
  const people = await db
    .select({ id: members.id, name: members.name, idNumber: members.idNumber, relation: members.relation, status: members.status })
    .from(members)
    .where(eq(members.householdId, id))
    .orderBy(asc(members.sortOrder), asc(members.createdAt));
  return {
    ...household,
    members: people.map(({ idNumber, ...m }) => ({ ...m, idMasked: maskIdNumber(idNumber) })),
  };
}
