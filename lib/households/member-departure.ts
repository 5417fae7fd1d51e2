import 'server-only';
import { and, eq, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { enrollmentMembers, enrollments, incomeItems, members } from '@/db/schema';
import { refuse } from '@/lib/core/errors';
import { activeMembersOf, type HouseholdRow, type MemberRow } from './household-tx';
import { householdMessages } from './messages';

export interface Departure {
  status: 'moved_out' | 'deceased';
  date: string; // YYYY-MM-DD, already checked not to be in the future
  reason: string;
  newHeadMemberId?: string;
}

/**
 * A member leaves the household (moves out, dies, or moves to another household): the row
 * stays as history with its status, date and reason. A departing head hands over to a named
 * remaining member; the member's income still running ends on the same day, so it stops
 * counting for the household; the household closes when nobody is left.
 * Runs inside the caller's transaction, with the household already locked.
 */
export async function departMember(tx: Tx, h: HouseholdRow, member: MemberRow, d: Departure) {
  if (member.status !== 'active') {
    throw refuse('precondition', householdMessages.memberGone(member.name));
  }
  if (d.date < member.birthDate) {
    throw refuse('invalid_input', householdMessages.beforeBirth(member.birthDate), 'date');
  }
  const remaining = (await activeMembersOf(tx, h.id)).filter((m) => m.id !== member.id);
  let newHead: MemberRow | undefined;
  if (member.isHead && remaining.length > 0) {
    if (!d.newHeadMemberId) {
      throw refuse('invalid_input', householdMessages.nameNewHead, 'newHeadMemberId');
    }
    newHead = remaining.find((m) => m.id === d.newHeadMemberId);
    if (!newHead) throw refuse('invalid_input', householdMessages.newHeadNotMember, 'newHeadMemberId');
  }

  // The old head's row stops being head first: the one-head index allows no overlap.
  await tx
    .update(members)
    .set({ status: d.status, leftOn: d.date, leftReason: d.reason, isHead: false })
    .where(eq(members.id, member.id));
  if (newHead) {
    await tx.update(members).set({ isHead: true, relation: '本人' }).where(eq(members.id, newHead.id));
  }
  const ended = await tx
    .update(incomeItems)
    .set({ toDate: d.date })
    .where(
      and(
        eq(incomeItems.memberId, member.id),
        lte(incomeItems.fromDate, d.date),
        or(isNull(incomeItems.toDate), gt(incomeItems.toDate, d.date)),
      ),
    )
    .returning({ id: incomeItems.id });

  // A death or a departure changes who is covered: the member's coverage ends, and the
  // household's active enrollments come up for review now (the amount is recomputed as a
  // change a supervisor approves, never silently).
  await tx.update(enrollmentMembers).set({ active: false }).where(eq(enrollmentMembers.memberId, member.id));
  await tx
    .update(enrollments)
    .set({ nextReviewOn: d.date })
    .where(and(eq(enrollments.householdId, h.id), inArray(enrollments.status, ['active', 'suspended'])));

  const closed = remaining.length === 0;
  return {
    closed,
    before: {
      member: member.name,
      status: member.status,
      ...(newHead ? { newHead: newHead.name, newHeadRelation: newHead.relation } : {}),
    },
    after: {
      member: member.name,
      status: d.status,
      leftOn: d.date,
      ...(newHead ? { newHead: newHead.name, newHeadRelation: '本人' } : {}),
      ...(ended.length > 0 ? { endedIncomeItems: ended.length } : {}),
      ...(closed ? { householdStatus: 'closed' } : {}),
    },
  };
}
