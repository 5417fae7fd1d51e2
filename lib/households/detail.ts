import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { assets, auditLog, householdAccountChanges, households, incomeItems, members, regions, users } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { countedIncomeKinds } from '@/lib/policy/standards';
import { monthInChina } from '@/lib/core/time';
import { maskedAccount } from './account-change';
import { countMonthlyIncome } from './income';
import { maskAccount, maskIdNumber } from './mask';

const village = alias(regions, 'village');
const township = alias(regions, 'township');
const county = alias(regions, 'county');

/**
 * Everything the household page shows, or null when the household does not exist or lies
 * outside the user's region. Resident IDs and the account number come back masked.
 */
export async function getHouseholdDetail(user: SessionUser, id: string, now: Date = new Date()) {
  assertCan(user, 'household.read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  const [h] = await db
    .select({
      household: households,
      villageName: village.name,
      townshipName: township.name,
      countyName: county.name,
    })
    .from(households)
    .innerJoin(village, eq(village.code, households.villageCode))
    .innerJoin(township, eq(township.code, households.townshipCode))
    .innerJoin(county, eq(county.code, households.countyCode))
    .where(
      and(
        eq(households.id, id),
        regionScope(user, { county: households.countyCode, township: households.townshipCode, village: households.villageCode }),
      ),
    );
  if (!h) return null;

  const pendingChangeId = h.household.accountChangeId;
  const [people, income, owned, timeline, kinds, pending] = await Promise.all([
    db.select().from(members).where(eq(members.householdId, id)).orderBy(asc(members.sortOrder), asc(members.createdAt)),
    db.select().from(incomeItems).where(eq(incomeItems.householdId, id)).orderBy(desc(incomeItems.fromDate)),
    db.select().from(assets).where(eq(assets.householdId, id)).orderBy(desc(assets.recordedOn)),
    db
      .select({ id: auditLog.id, at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, before: auditLog.before, after: auditLog.after, reason: auditLog.reason })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'household'), eq(auditLog.entityId, id)))
      .orderBy(desc(auditLog.id))
      .limit(200),
    countedIncomeKinds(db, h.household.countyCode, `${monthInChina(now)}-01`),
    pendingChangeId
      ? db
          .select({ c: householdAccountChanges, changedByName: users.name })
          .from(householdAccountChanges)
          .leftJoin(users, eq(users.id, householdAccountChanges.changedBy))
          .where(eq(householdAccountChanges.id, pendingChangeId))
      : [],
  ]);

  const activeMembers = people.filter((m) => m.status === 'active');
  const month = monthInChina(now);
  const incomeSummary = countMonthlyIncome(
    income.map((i) => ({ kind: i.kind, amountFen: i.amountFen, memberId: i.memberId, excluded: i.excluded, from: i.fromDate, to: i.toDate })),
    kinds,
    month,
    Math.max(activeMembers.length, 1),
  );
  const { bankAccount, ...household } = h.household;
  const change = pending[0];
  return {
    ...household,
    bankAccountMasked: maskAccount(bankAccount),
    // The account change waiting for a second person, both accounts masked.
    pendingAccountChange: change
      ? { id: change.c.id, before: maskedAccount(change.c.before), after: maskedAccount(change.c.after)!, reason: change.c.reason, changedBy: change.c.changedBy, changedByName: change.changedByName, changedAt: change.c.changedAt }
      : null,
    villageName: h.villageName,
    townshipName: h.townshipName,
    countyName: h.countyName,
    members: people.map(({ idNumber, ...m }) => ({ ...m, idMasked: maskIdNumber(idNumber) })),
    income,
    incomeSummary: { month, persons: activeMembers.length, ...incomeSummary },
    assets: owned,
    timeline,
  };
}

export type HouseholdDetail = NonNullable<Awaited<ReturnType<typeof getHouseholdDetail>>>;
