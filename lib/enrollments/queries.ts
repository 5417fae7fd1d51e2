import 'server-only';
import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { auditLog, enrollmentAmounts, enrollmentChanges, enrollments, members, regions, users } from '@/db/schema';
import type { HistoryEntry } from '@/lib/audit/history';
import { todayInChina } from '@/lib/core/time';
import { assertCan } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { addDays } from '@/lib/core/calendar-date';

const head = alias(members, 'head');
const village = alias(regions, 'village');
const scopeOf = (user: SessionUser) =>
  regionScope(user, { county: enrollments.countyCode, township: enrollments.townshipCode, village: enrollments.villageCode });

/** Enrollments whose review is due within 30 days or overdue (动态管理). */
export async function listReviewsDue(user: SessionUser) {
  assertCan(user, 'enrollment.read');
  const db = await getDb();
  const today = todayInChina();
  const rows = await db
    .select({ e: enrollments, headName: head.name, villageName: village.name })
    .from(enrollments)
    .innerJoin(village, eq(village.code, enrollments.villageCode))
    .leftJoin(head, and(eq(head.householdId, enrollments.householdId), eq(head.isHead, true), eq(head.status, 'active')))
    .where(and(scopeOf(user), inArray(enrollments.status, ['active', 'suspended']), inArray(enrollments.program, ['dibao', 'tekun']), lte(enrollments.nextReviewOn, addDays(today, 30))))
    .orderBy(asc(enrollments.nextReviewOn))
    .limit(500);
  return rows.map((r) => ({ ...r.e, headName: r.headName, villageName: r.villageName, overdue: (r.e.nextReviewOn ?? today) < today }));
}

/**
 * Disability subsidies proposed at a decision and not yet confirmed: they pay nothing until a
 * supervisor confirms them, so they are listed for the supervisor, never dropped in silence.
 * With a county and month: those that would pay in that month's run once confirmed.
 */
export async function listSubsidiesAwaitingConfirmation(user: SessionUser, opts: { countyCode?: string; month?: string } = {}) {
  assertCan(user, 'enrollment.read');
  const db = await getDb();
  const subject = alias(members, 'subject');
  const rows = await db
    .select({ e: enrollments, headName: head.name, memberName: subject.name, villageName: village.name, amountFen: enrollmentAmounts.amountFen })
    .from(enrollments)
    .innerJoin(village, eq(village.code, enrollments.villageCode))
    .leftJoin(subject, eq(subject.id, enrollments.memberId))
    .leftJoin(head, and(eq(head.householdId, enrollments.householdId), eq(head.isHead, true), eq(head.status, 'active')))
    .leftJoin(enrollmentAmounts, and(eq(enrollmentAmounts.enrollmentId, enrollments.id), eq(enrollmentAmounts.effectiveMonth, enrollments.startMonth)))
    .where(
      and(
        scopeOf(user),
        eq(enrollments.status, 'proposed'),
        inArray(enrollments.program, ['dis_living', 'dis_care']),
        opts.countyCode ? eq(enrollments.countyCode, opts.countyCode) : undefined,
        opts.month ? lte(enrollments.startMonth, opts.month) : undefined,
      ),
    )
    .orderBy(asc(enrollments.createdAt))
    .limit(500);
  return rows.map((r) => ({ ...r.e, headName: r.headName, memberName: r.memberName, villageName: r.villageName, amountFen: r.amountFen ?? 0 }));
}

/** Proposed changes waiting for a supervisor. */
export async function listPendingChanges(user: SessionUser) {
  assertCan(user, 'enrollment.read');
  const db = await getDb();
  const rows = await db
    .select({ c: enrollmentChanges, e: enrollments, headName: head.name, proposer: users.name })
    .from(enrollmentChanges)
    .innerJoin(enrollments, eq(enrollments.id, enrollmentChanges.enrollmentId))
    .innerJoin(users, eq(users.id, enrollmentChanges.proposedBy))
    .leftJoin(head, and(eq(head.householdId, enrollments.householdId), eq(head.isHead, true), eq(head.status, 'active')))
    .where(and(scopeOf(user), eq(enrollmentChanges.state, 'proposed')))
    .orderBy(asc(enrollmentChanges.createdAt));
  return rows.map((r) => ({ ...r.c, program: r.e.program, householdId: r.e.householdId, headName: r.headName, proposerName: r.proposer }));
}

/** A household's enrollments with the amount in force now, for the household page. */
export async function listHouseholdEnrollments(user: SessionUser, householdId: string) {
  assertCan(user, 'enrollment.read');
  const db = await getDb();
  const rows = await db
    .select({ e: enrollments, memberName: members.name })
    .from(enrollments)
    .leftJoin(members, eq(members.id, enrollments.memberId))
    .where(
      and(
        eq(enrollments.householdId, householdId),
        regionScope(user, { county: enrollments.countyCode, township: enrollments.townshipCode, village: enrollments.villageCode }),
      ),
    )
    .orderBy(asc(enrollments.createdAt));
  if (rows.length === 0) return [];
  const amounts = await db
    .select()
    .from(enrollmentAmounts)
    .where(inArray(enrollmentAmounts.enrollmentId, rows.map((r) => r.e.id)))
    .orderBy(desc(enrollmentAmounts.effectiveMonth));
  // 历史记录 of each enrollment (proposed changes, decisions, confirmations), newest first: the
  // enrollments were found under the user's scope above, so their audit rows may be shown.
  const ids = rows.map((r) => r.e.id);
  const log = await db
    .select({ id: auditLog.id, entityId: auditLog.entityId, at: auditLog.at, actorName: auditLog.actorName, action: auditLog.action, before: auditLog.before, after: auditLog.after, reason: auditLog.reason })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'enrollment'), inArray(auditLog.entityId, ids)))
    .orderBy(desc(auditLog.id))
    .limit(500);
  return rows.map((r) => {
    const own = amounts.filter((a) => a.enrollmentId === r.e.id);
    const current = own[0];
    return {
      ...r.e,
      memberName: r.memberName,
      amountFen: current?.amountFen ?? 0,
      effectiveMonth: current?.effectiveMonth ?? r.e.startMonth,
      components: current?.components,
      amountHistory: own.map((a) => ({ effectiveMonth: a.effectiveMonth, amountFen: a.amountFen })),
      history: log.filter((h) => h.entityId === r.e.id) as HistoryEntry[],
    };
  });
}
