import 'server-only';
import { and, eq, gte, inArray, lte, sql, type AnyColumn } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { payoutMovements, payoutRuns, payoutSummary, regions, tempAidCases } from '@/db/schema';
import { todayInChina } from '@/lib/core/time';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { addMonthsToMonth, daysInMonth, parseMonth } from '@/lib/core/calendar-date';
import { lateEntriesOfMonth } from '@/lib/late-entries/counts';
import { reviewsOfMonth } from '@/lib/reviews/counts';
import { alertsOfMonth } from '@/lib/monitoring/counts';
import { complaintsOfMonth } from '@/lib/complaints/counts';
import { tekunSupportOfMonth } from '@/lib/institutions/counts';
import { caseScope, overdueCondition } from '@/lib/temp-aid/queries';
import { AppError } from '@/lib/core/errors';
import { buildNotice, type MonthlyNotice } from './notice-build';
import { monthQuerySchema } from './schemas';
import { movementScope, runCountyScope, summaryScope, summed } from './summary-query';

const chinaDate = (column: AnyColumn) => sql<string | null>`to_char(${column} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`;

/**
 * 月通报 for a month in the user's region: per county and township × program, this month's
 * households, persons, money (paid / failed / not yet answered) against last month's, the
 * movement that explains the change, money paid on time or late, first-response cases, and the
 * steps entered late (补录) in the month.
 * Reads the summary tables only (a few hundred rows for a city), never the payout lines.
 */
export async function monthlyNotice(user: SessionUser, month: string, now: Date = new Date()): Promise<MonthlyNotice> {
  assertCan(user, 'report.read');
  if (!monthQuerySchema.safeParse({ month }).success) throw new AppError('invalid_input', { month: '月份格式应为 2026-12' });
  const db = await getDb();
  const previousMonth = addMonthsToMonth(month, -1);
  const { year, month: m } = parseMonth(month);
  const today = todayInChina(now);
  const s = payoutSummary;
  const mv = payoutMovements;
  const [summary, movements, firstResponse, runs, lateEntries, reviews, complaints, alerts, tekunSupport] = await Promise.all([
    db
      .select({ month: s.month, countyCode: s.countyCode, townshipCode: s.townshipCode, program: s.program, area: s.area, kind: s.kind, ...summed })
      .from(s)
      .where(and(inArray(s.month, [month, previousMonth]), summaryScope(user)))
      .groupBy(s.month, s.countyCode, s.townshipCode, s.program, s.area, s.kind),
    db
      .select({
        countyCode: mv.countyCode,
        townshipCode: mv.townshipCode,
        program: mv.program,
        area: mv.area,
        movement: mv.movement,
        count: sql<number>`count(*)`.mapWith(Number),
        personsDelta: sql<number>`coalesce(sum(${mv.personsDelta}), 0)`.mapWith(Number),
        amountDeltaFen: sql<number>`coalesce(sum(${mv.amountDeltaFen}), 0)`.mapWith(Number),
      })
      .from(mv)
      .where(and(eq(mv.month, month), movementScope(user)))
      .groupBy(mv.countyCode, mv.townshipCode, mv.program, mv.area, mv.movement),
    db
      .select({
        countyCode: tempAidCases.countyCode,
        townshipCode: tempAidCases.townshipCode,
        opened: sql<number>`count(*) filter (where ${tempAidCases.openedOn} >= ${`${month}-01`})`.mapWith(Number),
        paidFen: sql<number>`coalesce(sum(${tempAidCases.paidFen}) filter (where ${tempAidCases.openedOn} >= ${`${month}-01`}), 0)`.mapWith(Number),
        awaiting: sql<number>`count(*) filter (where ${tempAidCases.state} = 'paid_awaiting_completion')`.mapWith(Number),
        overdue: sql<number>`count(*) filter (where ${overdueCondition(today)})`.mapWith(Number),
      })
      .from(tempAidCases)
      .where(
        and(
          caseScope(user),
          eq(tempAidCases.kind, 'first_response'),
          lte(tempAidCases.openedOn, `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`),
          // Opened this month, or still waiting on its completion.
          sql`(${tempAidCases.openedOn} >= ${`${month}-01`} or ${tempAidCases.state} = 'paid_awaiting_completion')`,
        ),
      )
      .groupBy(tempAidCases.countyCode, tempAidCases.townshipCode),
    db
      .select({
        month: payoutRuns.month,
        countyCode: payoutRuns.countyCode,
        state: payoutRuns.state,
        sentOn: sql<string | null>`coalesce(${chinaDate(payoutRuns.exportedAt)}, ${chinaDate(payoutRuns.approvedAt)})`,
      })
      .from(payoutRuns)
      .where(and(inArray(payoutRuns.month, [month, previousMonth]), runCountyScope(user), sql`${payoutRuns.state} <> 'draft'`)),
    lateEntriesOfMonth(user, month),
    reviewsOfMonth(user, month, today),
    complaintsOfMonth(user, month),
    alertsOfMonth(user, month, today),
    tekunSupportOfMonth(user, month),
  ]);
  const codes = [...new Set([user.regionCode, ...summary.flatMap((r) => [r.countyCode, r.townshipCode]), ...firstResponse.flatMap((r) => [r.countyCode, r.townshipCode]), ...lateEntries.flatMap((r) => [r.countyCode, r.townshipCode]), ...reviews.flatMap((r) => [r.countyCode, r.townshipCode])])];
  const names = await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, codes));
  const notice = buildNotice({
    month,
    previousMonth,
    scopeCode: user.regionCode,
    summary,
    movements,
    firstResponse,
    lateEntries,
    reviews,
    runs: runs.filter((r) => r.month === month),
    previousRuns: runs.filter((r) => r.month === previousMonth).map((r) => r.countyCode),
    names: new Map(names.map((n) => [n.code, n.name])),
  });
  return { ...notice, complaints, alerts, tekunSupport };
}

/** The latest month with an approved run in the user's region, not after this month; null when none. */
export async function latestReportedMonth(user: SessionUser, now: Date = new Date()): Promise<string | null> {
  assertCan(user, 'report.read');
  const db = await getDb();
  const thisMonth = todayInChina(now).slice(0, 7);
  const [row] = await db
    .select({ month: sql<string | null>`max(${payoutSummary.month})` })
    .from(payoutSummary)
    .where(and(summaryScope(user), lte(payoutSummary.month, thisMonth), gte(payoutSummary.month, addMonthsToMonth(thisMonth, -24))));
  return row?.month ?? null;
}
