import 'server-only';
import { and, desc, eq, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { applications, enrollmentChanges, enrollments, households, tempAidCases, users } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { sameHandsSteps, stepLabels } from './rules';

export const VIEW_ROWS = 200;

export interface SameHandsRow {
  kind: 'application' | 'temp_aid_case' | 'enrollment';
  id: string;
  householdId: string;
  headName: string;
  userName: string | null;
  steps: string[];
  on: string | null;
}

/** The checker is one of the makers: `checker = any(makers)`, written so a null maker never matches. */
const sameAs = (checker: AnyPgColumn, makers: AnyPgColumn[]): SQL => and(isNotNull(checker), or(...makers.map((m) => eq(checker, m))))!;

/**
 * 同一人经办多个环节: records whose checker (the county's decision, a first response's completion,
 * the approval of a change to the roll) also did an earlier step of the same record. The verbs
 * refuse it today (lib/applications/flow.ts canDecide, temp-aid independenceRefusal, decide-change);
 * the view finds what came in around them (imports, old data, a rule once looser). Each table read
 * within the user's region by its region index; the newest VIEW_ROWS of each kind.
 */
export async function listSameHands(user: SessionUser): Promise<{ rows: SameHandsRow[]; total: number }> {
  assertCan(user, 'audit.read');
  const db = await getDb();
  const a = applications;
  const t = tempAidCases;
  const checker = sql<string | null>`(select ${users.name} from ${users} where ${users.id} = ${a.decidedBy})`;
  const [apps, cases, changes] = await Promise.all([
    db
      .select({ id: a.id, householdId: a.householdId, headName: households.headName, on: a.decidedOn, userName: checker, created: a.createdBy, accepted: a.acceptedBy, investigated: a.investigatedBy, townshipReviewed: a.townshipReviewedBy, countyVisit: a.countyVisitBy, decided: a.decidedBy })
      .from(a)
      .innerJoin(households, eq(households.id, a.householdId))
      .where(and(regionScope(user, { county: a.countyCode, township: a.townshipCode, village: a.villageCode }), sameAs(a.decidedBy, [a.createdBy, a.acceptedBy, a.investigatedBy, a.townshipReviewedBy, a.countyVisitBy])))
      .orderBy(desc(a.decidedOn), desc(a.id))
      .limit(VIEW_ROWS),
    db
      .select({ id: t.id, householdId: t.householdId, headName: households.headName, decidedOn: t.decidedOn, completedOn: t.completedOn, created: t.createdBy, investigated: t.investigatedBy, accounted: t.accountBy, decided: t.decidedBy, completed: t.completedBy })
      .from(t)
      .innerJoin(households, eq(households.id, t.householdId))
      .where(and(regionScope(user, { county: t.countyCode, township: t.townshipCode, village: t.villageCode }), or(sameAs(t.decidedBy, [t.createdBy, t.investigatedBy, t.accountBy]), sameAs(t.completedBy, [t.createdBy, t.accountBy]))))
      .orderBy(desc(t.openedOn), desc(t.id))
      .limit(VIEW_ROWS),
    db
      .select({ id: enrollments.id, householdId: enrollments.householdId, headName: households.headName, at: enrollmentChanges.decidedAt, userName: users.name, kind: enrollmentChanges.kind })
      .from(enrollmentChanges)
      .innerJoin(enrollments, eq(enrollments.id, enrollmentChanges.enrollmentId))
      .innerJoin(households, eq(households.id, enrollments.householdId))
      .leftJoin(users, eq(users.id, enrollmentChanges.decidedBy))
      .where(and(regionScope(user, { county: enrollments.countyCode, township: enrollments.townshipCode, village: enrollments.villageCode }), eq(enrollmentChanges.decidedBy, enrollmentChanges.proposedBy)))
      .orderBy(desc(enrollmentChanges.decidedAt))
      .limit(VIEW_ROWS),
  ]);
  const caseUsers = await namesOf(db, cases.flatMap((c) => [c.decided, c.completed]));
  const label = (steps: string[]) => steps.map((s) => stepLabels[s] ?? s);
  const rows: SameHandsRow[] = [
    ...apps.map(({ id, householdId, headName, on, userName, ...hands }) => ({ kind: 'application' as const, id, householdId, headName, userName, on, steps: label(sameHandsSteps(hands, 'decided')) })),
    ...cases.map(({ id, householdId, headName, decidedOn, completedOn, ...hands }) => {
      const decided = sameHandsSteps({ created: hands.created, investigated: hands.investigated, accounted: hands.accounted, decided: hands.decided }, 'decided');
      const completed = sameHandsSteps({ created: hands.created, accounted: hands.accounted, completed: hands.completed }, 'completed');
      const [steps, who, on] = decided.length ? [decided, hands.decided, decidedOn] : [completed, hands.completed, completedOn];
      return { kind: 'temp_aid_case' as const, id, householdId, headName, on, userName: (who && caseUsers.get(who)) ?? null, steps: label(steps) };
    }),
    ...changes.map((c) => ({ kind: 'enrollment' as const, id: c.id, householdId: c.householdId, headName: c.headName, userName: c.userName, on: c.at ? c.at.toISOString().slice(0, 10) : null, steps: label(['proposed', 'approved']) })),
  ];
  return { rows, total: rows.length };
}

async function namesOf(db: Awaited<ReturnType<typeof getDb>>, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (wanted.length === 0) return new Map();
  const found = await db.select({ id: users.id, name: users.name }).from(users).where(sql`${users.id} = any(${`{${wanted.join(',')}}`}::uuid[])`);
  return new Map(found.map((u) => [u.id, u.name]));
}
