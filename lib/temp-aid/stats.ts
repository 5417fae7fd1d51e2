import 'server-only';
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { regions, tempAidCases } from '@/db/schema';
import { todayInChina } from '@/lib/core/time';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import type { AidCause, CaseState } from './labels';
import { caseScope, overdueCondition } from './queries';

/**
 * The year's cases in the user's region counted three ways — by state, by cause, by township —
 * with the amounts paid, the ones awaiting completion and the overdue ones. One grouped query each.
 */
export async function caseBreakdown(user: SessionUser, year: number, now: Date = new Date()) {
  assertCan(user, 'tempaid.read');
  const db = await getDb();
  const today = todayInChina(now);
  const inYear = and(caseScope(user), gte(tempAidCases.openedOn, `${year}-01-01`), lt(tempAidCases.openedOn, `${year + 1}-01-01`));
  const cases = sql<number>`count(*)::int`;
  const paid = sql<number>`coalesce(sum(${tempAidCases.paidFen}), 0)::bigint`;

  const [byState, byCause, byTownship] = await Promise.all([
    db.select({ state: tempAidCases.state, cases, paidFen: paid }).from(tempAidCases).where(inYear).groupBy(tempAidCases.state),
    db.select({ cause: tempAidCases.cause, cases, paidFen: paid }).from(tempAidCases).where(inYear).groupBy(tempAidCases.cause).orderBy(asc(tempAidCases.cause)),
    db
      .select({
        code: tempAidCases.townshipCode,
        name: regions.name,
        cases,
        paidFen: paid,
        awaiting: sql<number>`count(*) filter (where ${tempAidCases.state} = 'paid_awaiting_completion')::int`,
        overdue: sql<number>`count(*) filter (where ${overdueCondition(today)})::int`,
      })
      .from(tempAidCases)
      .innerJoin(regions, eq(regions.code, tempAidCases.townshipCode))
      .where(inYear)
      .groupBy(tempAidCases.townshipCode, regions.name)
      .orderBy(asc(tempAidCases.townshipCode)),
  ]);
  return {
    year,
    byState: byState.map((r) => ({ state: r.state as CaseState, cases: r.cases, paidFen: Number(r.paidFen) })),
    byCause: byCause.map((r) => ({ cause: r.cause as AidCause, cases: r.cases, paidFen: Number(r.paidFen) })),
    byTownship: byTownship.map((r) => ({ ...r, paidFen: Number(r.paidFen) })),
  };
}
