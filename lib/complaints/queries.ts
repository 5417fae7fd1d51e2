import 'server-only';
import { and, asc, desc, eq, inArray, lt, ne, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Db } from '@/db/client';
import { complaintNotes, complaints, members, regions, users } from '@/db/schema';
import { historyOf } from '@/lib/audit/history';
import { assertCan } from '@/lib/auth/authorize';
import { can } from '@/lib/auth/permissions';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { isUuid } from '@/lib/core/uuid';
import { HIDDEN } from './labels';
import { isEscalated } from './rules';
import type { ComplaintFilter } from './schemas';

const handler = alias(users, 'handler');
const subject = alias(users, 'subject');
const creator = alias(users, 'creator');
const county = alias(regions, 'county');
const township = alias(regions, 'township');
const head = alias(members, 'head');

export const complaintScope = (user: SessionUser) =>
  regionScope(user, { county: complaints.countyCode, township: complaints.townshipCode, village: complaints.villageCode });

/** Escalated to the city: past the deadline and not answered. */
export const escalatedCondition = (today: string): SQL => and(lt(complaints.deadlineOn, today), ne(complaints.state, 'answered'))!;

/**
 * What the user may read: the region, and for a supervisor of the city only what was escalated
 * to it (the counties handle their own complaints until the deadline passes).
 */
function visible(user: SessionUser, today: string): SQL {
  const scope = complaintScope(user);
  return user.role === 'supervisor' && (user.regionLevel === 'city' || user.regionLevel === 'province') ? and(scope, escalatedCondition(today))! : scope;
}

/**
 * The complainant's name and phone, as the database returns them to this user: the real values
 * to the assigned handler and the auditor, HIDDEN to everyone else (including the intake user
 * once assigned). Done in SQL so the values never reach code that could show them.
 */
function identity(user: SessionUser) {
  const sees = user.role === 'auditor' ? sql`true` : sql`${complaints.handlerId} = ${user.id}`;
  const masked = (col: typeof complaints.complainantName | typeof complaints.complainantPhone) => sql<string | null>`case when ${col} is null then null when ${sees} then ${col} else ${HIDDEN} end`;
  return { complainantName: masked(complaints.complainantName), complainantPhone: masked(complaints.complainantPhone) };
}

function columns(user: SessionUser) {
  return {
    id: complaints.id,
    channel: complaints.channel,
    category: complaints.category,
    anonymous: complaints.anonymous,
    ...identity(user),
    content: complaints.content,
    receivedOn: complaints.receivedOn,
    deadlineOn: complaints.deadlineOn,
    countyCode: complaints.countyCode,
    townshipCode: complaints.townshipCode,
    countyName: county.name,
    townshipName: township.name,
    state: complaints.state,
    handlerId: complaints.handlerId,
    handlerName: handler.name,
    subjectUserId: complaints.subjectUserId,
    subjectName: subject.name,
    createdBy: complaints.createdBy,
    creatorName: creator.name,
    householdId: complaints.householdId,
    applicationId: complaints.applicationId,
    enrollmentId: complaints.enrollmentId,
    outcome: complaints.outcome,
    outcomeText: complaints.outcomeText,
    outcomeOn: complaints.outcomeOn,
    replyOn: complaints.replyOn,
    replyMethod: complaints.replyMethod,
    replyText: complaints.replyText,
    version: complaints.version,
  };
}

function base(d: Db, user: SessionUser) {
  return d
      .select(columns(user))
      .from(complaints)
      .innerJoin(county, eq(county.code, complaints.countyCode))
      .leftJoin(township, eq(township.code, complaints.townshipCode))
      .leftJoin(handler, eq(handler.id, complaints.handlerId))
      .leftJoin(subject, eq(subject.id, complaints.subjectUserId))
      .innerJoin(creator, eq(creator.id, complaints.createdBy))
      .$dynamic();
}

function withFlags<T extends { state: 'received' | 'assigned' | 'answered'; deadlineOn: string }>(r: T, today: string): T & { escalated: boolean } {
  return { ...r, escalated: isEscalated(r, today) };
}

/** 投诉举报 list: the user's region, newest first, by status, category and overdue. */
export async function listComplaints(user: SessionUser, filter: ComplaintFilter, today: string, limit = 500) {
  assertCan(user, 'complaint.read');
  const rows = await base(await getDb(), user)
    .where(
      and(
        visible(user, today),
        filter.status ? eq(complaints.state, filter.status) : undefined,
        filter.category ? eq(complaints.category, filter.category) : undefined,
        filter.overdue ? escalatedCondition(today) : undefined,
      ),
    )
    .orderBy(desc(complaints.receivedOn), desc(complaints.createdAt))
    .limit(limit);
  return { rows: rows.map((r) => withFlags(r, today)), truncated: rows.length === limit };
}

/** One complaint with its notes and history; out of region (or not escalated, for the city) answers not found. */
export async function getComplaint(user: SessionUser, id: string, today: string) {
  assertCan(user, 'complaint.read');
  if (!isUuid(id)) throw new AppError('not_found');
  const db = await getDb();
  const [row] = await base(db, user).where(and(eq(complaints.id, id), visible(user, today)));
  if (!row) throw new AppError('not_found');
  const noter = alias(users, 'noter');
  const [notes, history, householdName] = await Promise.all([
    db
      .select({ id: complaintNotes.id, notedOn: complaintNotes.notedOn, text: complaintNotes.text, byName: noter.name, createdAt: complaintNotes.createdAt })
      .from(complaintNotes)
      .innerJoin(noter, eq(noter.id, complaintNotes.createdBy))
      .where(eq(complaintNotes.complaintId, id))
      .orderBy(asc(complaintNotes.notedOn), asc(complaintNotes.createdAt)),
    historyOf(db, 'complaint', id),
    row.householdId
      ? db
          .select({ name: head.name })
          .from(head)
          .where(and(eq(head.householdId, row.householdId), eq(head.isHead, true)))
          .then((r) => r[0]?.name ?? null)
      : null,
  ]);
  return { ...withFlags(row, today), householdHeadName: householdName, notes, history };
}
export type ComplaintDetail = Awaited<ReturnType<typeof getComplaint>>;

/** Who may be named handler: active caseworkers and supervisors of the county (or the township), not the person complained about. */
export async function handlerCandidates(user: SessionUser, c: { countyCode: string; townshipCode: string | null; subjectUserId: string | null }) {
  if (!can(user.role, 'complaint.assign')) return [];
  const db = await getDb();
  const region = c.townshipCode ? or(eq(users.regionCode, c.countyCode), eq(users.regionCode, c.townshipCode)) : or(eq(users.regionCode, c.countyCode), sql`${users.regionCode} like ${`${c.countyCode}___`}`);
  return db
    .select({ id: users.id, name: users.name, role: users.role, regionCode: users.regionCode })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ['caseworker', 'supervisor']), region, c.subjectUserId ? ne(users.id, c.subjectUserId) : undefined))
    .orderBy(asc(users.name));
}

/** Staff of the user's county (or city) a complaint may be about: the intake form's choice. */
export async function staffInScope(user: SessionUser) {
  assertCan(user, 'complaint.intake');
  const db = await getDb();
  const prefix = user.regionCode.slice(0, 6);
  return db
    .select({ id: users.id, name: users.name, role: users.role, regionCode: users.regionCode })
    .from(users)
    .where(and(eq(users.active, true), sql`${users.regionCode} like ${`${prefix}%`}`, inArray(users.role, ['caseworker', 'supervisor', 'finance'])))
    .orderBy(asc(users.name));
}

/** For the dashboards: complaints escalated in the user's view, and those waiting on this user as handler. */
export async function complaintTaskCounts(user: SessionUser, today: string) {
  if (!can(user.role, 'complaint.read')) return { escalated: 0, mine: 0, unassigned: 0 };
  const db = await getDb();
  const [r] = await db
    .select({
      escalated: sql<number>`count(*) filter (where ${escalatedCondition(today)})`.mapWith(Number),
      mine: sql<number>`count(*) filter (where ${complaints.handlerId} = ${user.id} and ${complaints.state} = 'assigned')`.mapWith(Number),
      unassigned: sql<number>`count(*) filter (where ${complaints.state} = 'received')`.mapWith(Number),
    })
    .from(complaints)
    .where(visible(user, today));
  return r ?? { escalated: 0, mine: 0, unassigned: 0 };
}
