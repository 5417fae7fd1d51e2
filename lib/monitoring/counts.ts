import 'server-only';
import { and, gte, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { alertOutcomes, monitoringAlerts, monitoringRules } from '@/db/schema';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { addDays, addMonthsToMonth } from '@/lib/core/calendar-date';
import { monthEnd } from '@/lib/reviews/batch';
import { outcomeLabels, ruleLabels } from './layout';

export interface AlertMonth {
  /** Raised in the month, by rule (every rule, zeros included). */
  byRule: { code: string; label: string; count: number }[];
  /** Closed in the month, by outcome. */
  byOutcome: { code: string; label: string; count: number }[];
  /** Open at the month's end (or today, when earlier), and of those past their deadline. */
  open: number;
  overdue: number;
}

/** 月通报's 监测预警 section: counts only, in the user's region. The caller checked report.read. */
export async function alertsOfMonth(user: SessionUser, month: string, today: string): Promise<AlertMonth> {
  const db = await getDb();
  const from = new Date(`${month}-01T00:00:00+08:00`);
  const to = new Date(`${addMonthsToMonth(month, 1)}-01T00:00:00+08:00`);
  const last = monthEnd(month);
  const cutoff = today < last ? today : addDays(last, 1);
  const scope = regionScope(user, { county: monitoringAlerts.countyCode, township: monitoringAlerts.townshipCode, village: monitoringAlerts.villageCode });
  const [raised, closed, [open]] = await Promise.all([
    db.select({ code: sql<string>`${monitoringAlerts.rule}`, count: sql<number>`count(*)`.mapWith(Number) }).from(monitoringAlerts).where(and(scope, gte(monitoringAlerts.createdAt, from), lt(monitoringAlerts.createdAt, to))).groupBy(monitoringAlerts.rule),
    db.select({ code: sql<string>`${monitoringAlerts.outcome}`, count: sql<number>`count(*)`.mapWith(Number) }).from(monitoringAlerts).where(and(scope, gte(monitoringAlerts.closedAt, from), lt(monitoringAlerts.closedAt, to))).groupBy(monitoringAlerts.outcome),
    db
      .select({
        open: sql<number>`count(*)`.mapWith(Number),
        overdue: sql<number>`count(*) filter (where ${monitoringAlerts.dueOn} < ${cutoff}::date)`.mapWith(Number),
      })
      .from(monitoringAlerts)
      .where(and(scope, lt(monitoringAlerts.createdAt, to), sql`(${monitoringAlerts.closedAt} is null or ${monitoringAlerts.closedAt} >= ${to.toISOString()}::timestamptz)`)),
  ]);
  const count = (rows: { code: string; count: number }[], code: string) => rows.find((r) => r.code === code)?.count ?? 0;
  return {
    byRule: monitoringRules.map((r) => ({ code: r, label: ruleLabels[r], count: count(raised, r) })),
    byOutcome: alertOutcomes.map((o) => ({ code: o, label: outcomeLabels[o], count: count(closed, o) })),
    open: open?.open ?? 0,
    overdue: open?.overdue ?? 0,
  };
}
