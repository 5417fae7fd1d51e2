import 'server-only';
import { and, eq, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { applications, enrollments, tempAidCases } from '@/db/schema';
import type { ApplicationState } from '@/lib/applications/flow';
import { todayInChina } from '@/lib/core/time';
import { can } from '@/lib/auth/permissions';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { loadCalendar } from '@/lib/policy/calendar';
import { addDays } from '@/lib/core/calendar-date';
import { standardsInForce } from '@/lib/policy/standards';
import { caseScope, overdueCondition } from '@/lib/temp-aid/queries';
import { overdueCutoff } from './rules';

const OPEN_STATES = ['draft', 'accepted', 'investigated', 'township_reviewed', 'in_public_notice'] as const satisfies ApplicationState[];

export interface WorkQueue {
  applications: { byState: { state: ApplicationState; count: number }[]; overdue: number } | null;
  firstResponse: { awaiting: number; overdue: number } | null;
  reviews: { due: number; overdue: number } | null;
}

/**
 * The applications past their step's deadline, as one condition: a deadline is n working days
 * from a start date, so "overdue" is "started on or before the cutoff" (rules.overdueCutoff).
 * The same deadlines as the work queue (lib/applications/queries.ts deadlineOf), from the
 * standards in force for the user's region.
 */
export async function applicationsOverdue(user: SessionUser, today: string): Promise<SQL> {
  const db = await getDb();
  const standards = await standardsInForce(db, 'dibao', user.regionCode.slice(0, 6), today);
  const cal = await loadCalendar(db, addDays(today, -400), addDays(today, 1));
  const cutoff = (component: string) => {
    const n = standards.get(component)?.intValue;
    return n === null || n === undefined ? null : overdueCutoff(today, n, cal);
  };
  const [investigation, total, decision] = ['deadline_investigation_start_wd', 'deadline_total_wd', 'deadline_county_decision_wd'].map(cutoff);
  const a = applications;
  return or(
    investigation ? and(eq(a.state, 'accepted'), lte(a.acceptedOn, investigation)) : undefined,
    total ? and(inArray(a.state, ['investigated', 'township_reviewed']), lte(a.acceptedOn, total)) : undefined,
    decision ? and(eq(a.state, 'in_public_notice'), lt(a.noticeEnd, today), lte(a.noticeEnd, decision)) : undefined,
    sql`false`,
  )!;
}

/** Counts of the work waiting in the user's region, each for a list the dashboard links to. */
export async function workQueue(user: SessionUser, now: Date = new Date()): Promise<WorkQueue> {
  const db = await getDb();
  const today = todayInChina(now);
  const count = sql<number>`count(*)`.mapWith(Number);

  const applicationsPart = async () => {
    if (!can(user.role, 'application.read')) return null;
    const scope = regionScope(user, { county: applications.countyCode, township: applications.townshipCode, village: applications.villageCode });
    const [byState, [late]] = await Promise.all([
      db.select({ state: applications.state, count }).from(applications).where(and(scope, inArray(applications.state, OPEN_STATES))).groupBy(applications.state),
      db.select({ count }).from(applications).where(and(scope, await applicationsOverdue(user, today))),
    ]);
    return { byState: OPEN_STATES.map((state) => ({ state, count: byState.find((r) => r.state === state)?.count ?? 0 })), overdue: late?.count ?? 0 };
  };
  const firstResponsePart = async () => {
    if (!can(user.role, 'tempaid.read')) return null;
    const [row] = await db
      .select({
        awaiting: sql<number>`count(*) filter (where ${tempAidCases.kind} = 'first_response' and ${tempAidCases.state} = 'paid_awaiting_completion')`.mapWith(Number),
        overdue: sql<number>`count(*) filter (where ${overdueCondition(today)})`.mapWith(Number),
      })
      .from(tempAidCases)
      .where(and(caseScope(user), inArray(tempAidCases.state, ['paid_awaiting_completion', 'applied'])));
    return { awaiting: row?.awaiting ?? 0, overdue: row?.overdue ?? 0 };
  };
  const reviewsPart = async () => {
    if (!can(user.role, 'enrollment.read')) return null;
    // listReviewsDue's condition: dibao and 特困 reviews due within 30 days, or overdue.
    const [row] = await db
      .select({ due: count, overdue: sql<number>`count(*) filter (where ${enrollments.nextReviewOn} < ${today})`.mapWith(Number) })
      .from(enrollments)
      .where(
        and(
          regionScope(user, { county: enrollments.countyCode, township: enrollments.townshipCode, village: enrollments.villageCode }),
          inArray(enrollments.status, ['active', 'suspended']),
          inArray(enrollments.program, ['dibao', 'tekun']),
          lte(enrollments.nextReviewOn, addDays(today, 30)),
        ),
      );
    return { due: row?.due ?? 0, overdue: row?.overdue ?? 0 };
  };
  const [apps, firstResponse, reviews] = await Promise.all([applicationsPart(), firstResponsePart(), reviewsPart()]);
  return { applications: apps, firstResponse, reviews };
}
