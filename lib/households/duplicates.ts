import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Db, type Tx } from '@/db/client';
import { households, members, regions } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import { registeredElsewhereMessage, type Registration } from './registered-elsewhere';

const head = alias(members, 'head');
const township = alias(regions, 'township');

/** A PostgreSQL array literal {"a","b"}: the whole list is one parameter (a 20,000-row roster too). */
export function textArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}

/**
 * Where each of these resident IDs is an active member, if anywhere: its household, village,
 * township and head. Read through `db` — inside a transaction, pass the transaction (embedded
 * PGlite has one connection, which the transaction holds).
 */
export async function activeRegistrations(db: Db | Tx, idNumbers: readonly string[]) {
  if (idNumbers.length === 0) return [];
  return db
    .select({
      idNumber: members.idNumber,
      householdId: members.householdId,
      villageCode: households.villageCode,
      villageName: regions.name,
      townshipName: township.name,
      headName: head.name,
    })
    .from(members)
    .innerJoin(households, eq(households.id, members.householdId))
    .innerJoin(regions, eq(regions.code, households.villageCode))
    .leftJoin(township, eq(township.code, households.townshipCode))
    .leftJoin(head, and(eq(head.householdId, households.id), eq(head.isHead, true), eq(head.status, 'active')))
    .where(and(sql`${members.idNumber} = any(${textArray(idNumbers)}::varchar[])`, eq(members.status, 'active')));
}

/**
 * For each resident ID already an active member of another household: the refusal this user
 * may read (lib/households/registered-elsewhere.ts — where, inside their region; only that it
 * is registered, outside it).
 */
export async function describeRegisteredElsewhere(
  user: SessionUser,
  idNumbers: readonly string[],
  opts: { exceptHouseholdId?: string; db?: Db | Tx } = {},
): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const r of await activeRegistrations(opts.db ?? (await getDb()), idNumbers)) {
    if (r.householdId === opts.exceptHouseholdId) continue;
    out.set(r.idNumber, registeredElsewhereMessage(user, r satisfies Registration));
  }
  return out;
}
