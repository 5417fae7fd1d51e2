import 'server-only';
import { and, asc, eq, like, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { policyStandards, regions } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { todayInChina } from '@/lib/core/time';
import { countyRowsBelowCity } from './below-city';

/** Standards that apply in the user's area: the city's rows and those of counties inside the user's region. */
export async function listStandards(user: SessionUser) {
  assertCan(user, 'policy.read');
  const db = await getDb();
  const city = `${user.regionCode.slice(0, 4)}00`;
  const county = user.regionCode.slice(0, 6);
  const inArea = user.regionLevel === 'city' ? like(policyStandards.regionCode, `${user.regionCode.slice(0, 4)}%`) : or(eq(policyStandards.regionCode, city), eq(policyStandards.regionCode, county));
  return db
    .select({
      id: policyStandards.id,
      program: policyStandards.program,
      component: policyStandards.component,
      regionName: regions.name,
      effectiveFrom: policyStandards.effectiveFrom,
      amountFen: policyStandards.amountFen,
      basisPoints: policyStandards.basisPoints,
      intValue: policyStandards.intValue,
      textValue: policyStandards.textValue,
      note: policyStandards.note,
    })
    .from(policyStandards)
    .innerJoin(regions, eq(regions.code, policyStandards.regionCode))
    .where(inArea)
    .orderBy(asc(policyStandards.program), asc(policyStandards.component), asc(policyStandards.effectiveFrom));
}

/** County standards in force below their city's (the admin decides whether to adopt the city's). */
export async function listCountyStandardsBelowCity(user: SessionUser, onDate: string = todayInChina()) {
  assertCan(user, 'policy.read');
  const db = await getDb();
  const prefix = user.regionCode.slice(0, 4);
  const cityCode = `${prefix}00`;
  const counties = await db.select({ code: regions.code, name: regions.name }).from(regions).where(and(eq(regions.level, 'county'), like(regions.code, `${prefix}%`)));
  const inArea = user.regionLevel === 'city' ? counties : counties.filter((c) => c.code === user.regionCode.slice(0, 6));
  const rows = await db.select().from(policyStandards).where(like(policyStandards.regionCode, `${prefix}%`));
  const names = new Map(counties.map((c) => [c.code, c.name]));
  return countyRowsBelowCity(rows, cityCode, inArea.map((c) => c.code), onDate).map((b) => ({ ...b, countyName: names.get(b.countyCode) ?? b.countyCode }));
}
