import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { households, members, regions } from '@/db/schema';
import { userCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';

const head = alias(members, 'head');

/**
 * For each resident ID already an active member somewhere: a message naming where, if the
 * user may see that household, and only "registered elsewhere" if not.
 */
export async function describeRegisteredElsewhere(user: SessionUser, idNumbers: string[], exceptHouseholdId?: string) {
  const out = new Map<string, string>();
  if (idNumbers.length === 0) return out;
  const db = await getDb();
  const rows = await db
    .select({
      idNumber: members.idNumber,
      householdId: members.householdId,
      villageCode: households.villageCode,
      villageName: regions.name,
      headName: head.name,
    })
    .from(members)
    .innerJoin(households, eq(households.id, members.householdId))
    .innerJoin(regions, eq(regions.code, households.villageCode))
    .leftJoin(head, and(eq(head.householdId, households.id), eq(head.isHead, true), eq(head.status, 'active')))
    .where(and(inArray(members.idNumber, idNumbers), eq(members.status, 'active')));
  for (const r of rows) {
    if (r.householdId === exceptHouseholdId) continue;
    out.set(
      r.idNumber,
      userCovers(user, r.villageCode)
        ? `该身份证号已登记在${r.villageName}${r.headName ? ` ${r.headName}户` : ''}`
        : '该身份证号已在其他地区登记',
    );
  }
  return out;
}
