import 'server-only';
import { asc, eq, like, or } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { policyStandards, regions } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';

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
