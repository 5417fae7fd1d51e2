import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { applicationObjections, applications, households, members, regions, users } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { maskIdNumber } from '@/lib/households/mask';
import { loadCalendar } from '@/lib/policy/calendar';
import { addDays } from '@/lib/core/calendar-date';
import { addWorkingDays } from '@/lib/core/working-days';
import { standardsInForce } from '@/lib/policy/standards';
import { todayInChina } from '@/lib/core/time';
import { lateEntriesOf } from '@/lib/late-entries/queries';
import { historyOf } from '@/lib/audit/history';
import { registeredOn } from './dates';
import type { Application } from './load';

const head = alias(members, 'head');
const applicant = alias(members, 'applicant');
const village = alias(regions, 'village');
const township = alias(regions, 'township');
const county = alias(regions, 'county');

const scopeOf = (user: SessionUser) =>
  regionScope(user, { county: applications.countyCode, township: applications.townshipCode, village: applications.villageCode });

export interface Deadline {
  label: string;
  due: string;
  overdue: boolean;
}

/** The deadline that applies in the application's current step, in working days (policy data). */
function deadlineOf(app: Application, days: Map<string, number>, cal: Parameters<typeof addWorkingDays>[2], today: string): Deadline | null {
  const d = (label: string, from: string | null, n: number | undefined): Deadline | null => {
    if (!from || n === undefined) return null;
    const due = addWorkingDays(from, n, cal);
    return { label, due, overdue: today > due };
  };
  switch (app.state) {
    case 'accepted':
      return d('开始入户调查', app.acceptedOn, days.get('deadline_investigation_start_wd'));
    case 'investigated':
    case 'township_reviewed':
      return d('全程办结', app.acceptedOn, days.get('deadline_total_wd'));
    case 'in_public_notice':
      return today > (app.noticeEnd ?? today) ? d('县级审批', app.noticeEnd, days.get('deadline_county_decision_wd')) : null;
    default:
      return null;
  }
}

/** The work queue: open applications in the user's region with their deadline status. */
export async function listApplications(user: SessionUser, opts: { open?: boolean } = {}) {
  assertCan(user, 'application.read');
  const db = await getDb();
  const today = todayInChina();
  const rows = await db
    .select({ app: applications, headName: head.name, applicantName: applicant.name, villageName: village.name })
    .from(applications)
    .innerJoin(village, eq(village.code, applications.villageCode))
    .leftJoin(head, and(eq(head.householdId, applications.householdId), eq(head.isHead, true), eq(head.status, 'active')))
    .leftJoin(applicant, eq(applicant.id, applications.memberId))
    .where(
      and(
        scopeOf(user),
        opts.open === false ? undefined : inArray(applications.state, ['draft', 'accepted', 'investigated', 'township_reviewed', 'in_public_notice']),
      ),
    )
    .orderBy(asc(applications.createdAt))
    .limit(500);
  const cal = await loadCalendar(db, addDays(today, -400), addDays(today, 120));
  const standards = await standardsInForce(db, 'dibao', user.regionCode.slice(0, 6), today);
  const days = new Map([...standards].filter(([, r]) => r.intValue !== null).map(([k, r]) => [k, r.intValue!]));
  return rows.map((r) => ({
    ...r.app,
    headName: r.headName,
    applicantName: r.applicantName,
    villageName: r.villageName,
    deadline: deadlineOf(r.app, days, cal, today),
    noticeOver: r.app.state === 'in_public_notice' && !!r.app.noticeEnd && today > r.app.noticeEnd,
  }));
}

export type ApplicationRow = Awaited<ReturnType<typeof listApplications>>[number];

/** One application with what its page needs, or null when missing or out of region. */
export async function getApplication(user: SessionUser, id: string) {
  assertCan(user, 'application.read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ app: applications, household: households, villageName: village.name, townshipName: township.name, countyName: county.name })
    .from(applications)
    .innerJoin(households, eq(households.id, applications.householdId))
    .innerJoin(village, eq(village.code, applications.villageCode))
    .innerJoin(township, eq(township.code, applications.townshipCode))
    .innerJoin(county, eq(county.code, applications.countyCode))
    .where(and(eq(applications.id, id), scopeOf(user)));
  if (!row) return null;
  const people = await db
    .select()
    .from(members)
    .where(and(eq(members.householdId, row.household.id), eq(members.status, 'active')))
    .orderBy(asc(members.sortOrder));
  const objections = await db.select().from(applicationObjections).where(eq(applicationObjections.applicationId, id)).orderBy(asc(applicationObjections.createdAt));
  const lateEntries = await lateEntriesOf(user, 'application', id);
  // Found under the user's scope above: its audit rows are the user's to read.
  const history = await historyOf(db, 'application', id);
  const staffIds = [row.app.createdBy, row.app.acceptedBy, row.app.investigatedBy, row.app.townshipReviewedBy, row.app.countyVisitBy, row.app.decidedBy].filter((x): x is string => !!x);
  const staff = staffIds.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, staffIds)) : [];
  const { bankAccount: _b, ...household } = row.household;
  return {
    ...row.app,
    household,
    villageName: row.villageName,
    townshipName: row.townshipName,
    countyName: row.countyName,
    members: people.map(({ idNumber, ...m }) => ({ ...m, idMasked: maskIdNumber(idNumber) })),
    objections,
    registeredOn: registeredOn(row.app),
    lateEntries,
    history,
    staffNames: Object.fromEntries(staff.map((s) => [s.id, s.name])) as Record<string, string>,
  };
}

export type ApplicationDetail = NonNullable<Awaited<ReturnType<typeof getApplication>>>;
