import 'server-only';
import { getDb } from '@/db/client';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import type { MemberLeaveInput } from './change-schemas';
import { auditHousehold, bumpVersion, lockHousehold, memberOf } from './household-tx';
import { departMember } from './member-departure';

/**
 * A member moves out or dies. Nothing is deleted: the member stays in the household's history
 * with status, date and reason. A departing head needs a named successor while others remain;
 * when the last member leaves, the household is closed.
 */
export async function memberLeaves(user: SessionUser, input: MemberLeaveInput): Promise<{ closed: boolean }> {
  assertCan(user, 'household.write');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const h = await lockHousehold(tx, user, input.householdId, input.version);
    const member = await memberOf(tx, h.id, input.memberId);
    const departure = await departMember(tx, h, member, {
      status: input.kind,
      date: input.date,
      reason: input.reason,
      newHeadMemberId: input.newHeadMemberId,
    });
    await bumpVersion(tx, h, departure.closed ? { status: 'closed' } : {});
    await auditHousehold(tx, user, h, {
      action: input.kind === 'deceased' ? 'member.death' : 'member.leave',
      before: departure.before,
      after: departure.after,
      reason: input.reason,
    });
    return { closed: departure.closed };
  });
}
