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

export interface MonthlyStandard {
  monthlyFen: number;
  source: StandardRow;
  /** How the figure was reached, for the working shown to a supervisor. */
  note: string;
}

/**
 * The dibao monthly standard for a household kind (rural / urban) in a region on a date. A
 * county's own rows win over the city's; a standard published per year is paid as annual ÷ 12,
 * rounded to whole yuan, half up.
 */
export async function dibaoMonthlyStandard(
  db: Db,
  kind: 'rural' | 'urban',
  regionCode: string,
  onDate: string,
  annualToMonthlyFen: (annualFen: number) => number,
): Promise<MonthlyStandard | null> {
  const chain = inheritanceChain(regionCode);
  const rows = await db
    .select()
    .from(policyStandards)
    .where(
      and(
        eq(policyStandards.program, 'dibao'),
        inArray(policyStandards.component, [`${kind}_standard_monthly`, `${kind}_standard_annual`]),
        inArray(policyStandards.regionCode, chain),
        lte(policyStandards.effectiveFrom, onDate),
      ),
    )
    .orderBy(sql`case when ${policyStandards.regionCode} = ${chain[0]} then 0 else 1 end`, desc(policyStandards.effectiveFrom))
    .limit(1);
  const row = rows[0];
  if (!row || row.amountFen === null) return null;
  if (row.component.endsWith('_monthly')) {
    return { monthlyFen: row.amountFen, source: row, note: `${row.effectiveFrom} 起执行的月标准` };
  }
  const monthlyFen = annualToMonthlyFen(row.amountFen);
  return { monthlyFen, source: row, note: `${row.effectiveFrom} 起执行的年标准 ${row.amountFen / 100} 元 ÷ 12，四舍五入到元` };
}

/** All standards of one program in force for a region on a date, keyed by component (county rows win). */
export async function standardsInForce(db: Db, program: string, regionCode: string, onDate: string): Promise<Map<string, StandardRow>> {
  const chain = inheritanceChain(regionCode);
  const rows = await db
    .select()
    .from(policyStandards)
    .where(and(eq(policyStandards.program, program), inArray(policyStandards.regionCode, chain), lte(policyStandards.effectiveFrom, onDate)))
    .orderBy(sql`case when ${policyStandards.regionCode} = ${chain[0]} then 0 else 1 end`, desc(policyStandards.effectiveFrom));
  const out = new Map<string, StandardRow>();
  for (const r of rows) if (!out.has(r.component)) out.set(r.component, r);
  return out;
}
