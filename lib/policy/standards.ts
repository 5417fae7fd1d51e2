import 'server-only';
import { and, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { policyStandards } from '@/db/schema';

export type StandardRow = typeof policyStandards.$inferSelect;

/** The regions whose standards apply to a code, most specific first: county, then city. */
export function inheritanceChain(regionCode: string): string[] {
  const county = regionCode.slice(0, 6);
  const city = `${regionCode.slice(0, 4)}00`;
  return county === city ? [city] : [county, city];
}

/**
 * The standard in force for a region on a date: the county's own row if it has one in force,
 * else the city's; among a region's rows, the latest effective_from not after the date.
 */
export async function standardInForce(
  db: Db,
  program: string,
  component: string,
  regionCode: string,
  onDate: string,
): Promise<StandardRow | null> {
  const chain = inheritanceChain(regionCode);
  const rows = await db
    .select()
    .from(policyStandards)
    .where(
      and(
        eq(policyStandards.program, program),
        eq(policyStandards.component, component),
        inArray(policyStandards.regionCode, chain),
        lte(policyStandards.effectiveFrom, onDate),
      ),
    )
    .orderBy(sql`case when ${policyStandards.regionCode} = ${chain[0]} then 0 else 1 end`, desc(policyStandards.effectiveFrom))
    .limit(1);
  return rows[0] ?? null;
}

export async function countedIncomeKinds(db: Db, regionCode: string, onDate: string): Promise<string[]> {
  const row = await standardInForce(db, 'dibao', 'counted_income_kinds', regionCode, onDate);
  return (row?.textValue ?? '').split(',').filter(Boolean);
}
