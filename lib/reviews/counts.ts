import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { enrollments, reviews } from '@/db/schema';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { addDays } from '@/lib/core/calendar-date';
import { monthEnd } from './batch';

export type ReviewFigures = { due: number; done: number; overdue: number };

/**
 * 定期复核 of a month, per county and township of the user's region, for the monthly notice:
 * due — reviews falling due in the month (in a batch, or on the roll not yet in one);
 * done — reviews closed in the month; overdue — due before the month's end (or today, when
 * earlier) and not closed by then. The caller checks the permission to read reports.
 */
export async function reviewsOfMonth(user: SessionUser, month: string, today: string) {
  const db = await getDb();
  const first = `${month}-01`;
  const last = monthEnd(month);
  const cutoff = today < last ? today : addDays(last, 1);
  const r = regionScope(user, { county: reviews.countyCode, township: reviews.townshipCode, village: reviews.villageCode });
  const e = regionScope(user, { county: enrollments.countyCode, township: enrollments.townshipCode, village: enrollments.villageCode });
  const rows = await db.execute<{ county_code: string; township_code: string; due: number; done: number; overdue: number }>(sql`
    SELECT county_code, township_code, sum(due)::int AS due, sum(done)::int AS done, sum(overdue)::int AS overdue FROM (
      SELECT ${reviews.countyCode} AS county_code, ${reviews.townshipCode} AS township_code,
        count(*) FILTER (WHERE ${reviews.dueOn} BETWEEN ${first}::date AND ${last}::date) AS due,
        count(*) FILTER (WHERE ${reviews.closedOn} BETWEEN ${first}::date AND ${last}::date) AS done,
        count(*) FILTER (WHERE ${reviews.dueOn} < ${cutoff}::date AND (${reviews.closedOn} IS NULL OR ${reviews.closedOn} > ${last}::date)) AS overdue
      FROM ${reviews}
      WHERE ${r} AND (${reviews.dueOn} <= ${last}::date) AND (${reviews.closedOn} IS NULL OR ${reviews.closedOn} >= ${first}::date)
      GROUP BY 1, 2
      UNION ALL
      SELECT ${enrollments.countyCode}, ${enrollments.townshipCode},
        count(*) FILTER (WHERE ${enrollments.nextReviewOn} >= ${first}::date),
        0,
        count(*) FILTER (WHERE ${enrollments.nextReviewOn} < ${cutoff}::date)
      FROM ${enrollments}
      WHERE ${e} AND ${enrollments.status} IN ('active', 'suspended') AND ${enrollments.program} IN ('dibao', 'tekun')
        AND ${enrollments.nextReviewOn} <= ${last}::date
        AND NOT EXISTS (SELECT 1 FROM ${reviews} o WHERE o.enrollment_id = ${enrollments.id} AND o.state <> 'closed')
      GROUP BY 1, 2
    ) x GROUP BY 1, 2`);
  return (rows as unknown as { county_code: string; township_code: string; due: number; done: number; overdue: number }[]).map((x) => ({
    countyCode: x.county_code,
    townshipCode: x.township_code,
    due: Number(x.due),
    done: Number(x.done),
    overdue: Number(x.overdue),
  }));
}
