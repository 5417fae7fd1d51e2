import 'server-only';
import { and, gte, lte } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { payoutSummary } from '@/db/schema';
import { addMonthsToMonth } from '@/lib/core/calendar-date';
import { todayInChina } from '@/lib/core/time';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { addRow, emptyFigures, type Figures } from './figures';
import { compareProgramKeys, monthsEnding, programKey, PROGRAM_ORDER } from './rules';
import { summaryScope, summed } from './summary-query';

export interface TrendPoint {
  month: string;
  /** Per program: persons on the month's roll and money paid. */
  persons: Record<string, number>;
  paidFen: Record<string, number>;
}

export interface DashboardFigures {
  month: string;
  /**
   * The latest month with an approved run, up to next month (a run for next month is approved
   * before the month begins): its roll is "covered now", and the page says which month it is.
   */
  coveredMonth: string | null;
  covered: { key: string; households: number; persons: number }[];
  paidThisMonthFen: number;
  paidThisYearFen: number;
  personMonthsThisYear: number;
  trend: TrendPoint[];
  programs: string[];
}

/**
 * The money side of the dashboard, in the user's region, from the summary of approved runs: who
 * is covered now, money paid this month and this year, and twelve months of persons and money
 * per program. One grouped query over at most a few thousand summary rows.
 */
export async function dashboardFigures(user: SessionUser, now: Date = new Date()): Promise<DashboardFigures> {
  assertCan(user, 'report.read');
  const db = await getDb();
  const month = todayInChina(now).slice(0, 7);
  const months = monthsEnding(month, 12);
  const next = addMonthsToMonth(month, 1);
  const s = payoutSummary;
  const rows = await db
    .select({ month: s.month, program: s.program, area: s.area, kind: s.kind, ...summed })
    .from(s)
    .where(and(summaryScope(user), gte(s.month, months[0]!), lte(s.month, next)))
    .groupBy(s.month, s.program, s.area, s.kind);

  // Per month, figures by program (the trend) and by program and area (who is covered).
  const byProgram = new Map<string, Map<string, Figures>>();
  const byKey = new Map<string, Map<string, Figures>>();
  const cell = (maps: Map<string, Map<string, Figures>>, m: string, key: string) => {
    const inMonth = maps.get(m) ?? maps.set(m, new Map()).get(m)!;
    return inMonth.get(key) ?? inMonth.set(key, emptyFigures()).get(key)!;
  };
  for (const r of rows) {
    addRow(cell(byProgram, r.month, r.program), r);
    addRow(cell(byKey, r.month, programKey(r.program, r.area)), r);
  }
  const programs = PROGRAM_ORDER.filter((p) => rows.some((r) => r.program === p));
  const coveredMonth = [...byKey.keys()].sort().at(-1) ?? null;
  const covered = coveredMonth
    ? [...byKey.get(coveredMonth)!.entries()]
        .filter(([, f]) => f.households + f.persons > 0)
        .map(([key, f]) => ({ key, households: f.households, persons: f.persons }))
        .sort((a, b) => compareProgramKeys(a.key, b.key))
    : [];
  const year = month.slice(0, 4);
  let paidThisMonthFen = 0;
  let paidThisYearFen = 0;
  let personMonthsThisYear = 0;
  for (const [m, keys] of byProgram) {
    if (m > month) continue; // next month's run is on the roll, not yet money of this month or year
    for (const p of programs) {
      const f = keys.get(p);
      if (!f) continue;
      if (m === month) paidThisMonthFen += f.paidFen;
      if (m.startsWith(year)) {
        paidThisYearFen += f.paidFen;
        personMonthsThisYear += f.paidPersonMonths;
      }
    }
  }
  const trend = months.map((m) => ({
    month: m,
    persons: Object.fromEntries(programs.map((p) => [p, byProgram.get(m)?.get(p)?.persons ?? 0])),
    paidFen: Object.fromEntries(programs.map((p) => [p, byProgram.get(m)?.get(p)?.paidFen ?? 0])),
  }));
  return { month, coveredMonth, covered, paidThisMonthFen, paidThisYearFen, personMonthsThisYear, trend, programs: [...programs] };
}
