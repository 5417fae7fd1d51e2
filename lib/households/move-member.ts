import 'server-only';
import { getDb } from '@/db/client';
import { members } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import type { MoveMemberInput } from './change-schemas';
import {
  activeMembersOf,
  auditHousehold,
  bumpVersion,
  lockTwoHouseholds,
  memberOf,
  nextSortOrder,
  rethrowMemberConflict,
} from './household-tx';
import { departMember } from './member-departure';
import { maskIdNumber } from './mask';
import { householdMessages } from './messages';

/**
 * Moves a member to another household in the user's region. The old row ends as 'moved_out'
 * (history kept in the old household) before the new active row is written in the target:
 * the unique index allows one active row per resident ID. Both households are audited.
 */
export async function moveMember(user: SessionUser, input: MoveMemberInput): Promise<{ memberId: string }> {
  assertCan(user, 'household.write');
  if (input.targetHouseholdId === input.householdId) {
    throw refuse('invalid_input', householdMessages.moveToSelf, 'targetHouseholdId');
  }
  const db = await getDb();
  let idNumber = '';
  try {
    return await db.transaction(async (tx) => {
      const [source, target] = await lockTwoHouseholds(tx, user, input.householdId, input.targetHouseholdId);
      if (!source) throw new AppError('not_found');
      if (source.version !== input.version) throw new AppError('conflict');
      if (!target) throw new AppError('not_found', { targetHouseholdId: '未找到该家庭' });
      const member = await memberOf(tx, source.id, input.memberId);
      idNumber = member.idNumber;

      const sourceHead = (await activeMembersOf(tx, source.id)).find((m) => m.isHead);
      const targetHead = (await activeMembersOf(tx, target.id)).find((m) => m.isHead);
      if (targetHead && input.relation === '本人') {
        throw refuse('invalid_input', householdMessages.targetHasHead(targetHead.name), 'relation');
      }
      if (!targetHead && input.relation !== '本人') {
        throw refuse('invalid_input', householdMessages.targetHasNoHead, 'relation');
      }

      const departure = await departMember(tx, source, member, {
        status: 'moved_out',
        date: input.date,
        reason: input.reason,
        newHeadMemberId: input.newHeadMemberId,
      });
      const { id: _oldId, householdId: _old, createdAt: _at, ...person } = member;
      const [moved] = await tx
        .insert(members)
        .values({
          ...person,
          householdId: target.id,
          relation: input.relation,
          isHead: input.relation === '本人',
          status: 'active',
          leftOn: null,
          leftReason: null,
          sortOrder: await nextSortOrder(tx, target.id),
        })
        .returning({ id: members.id });
      const reopened = target.status === 'closed';
      await bumpVersion(tx, source, departure.closed ? { status: 'closed' } : {});
      await bumpVersion(tx, target, reopened ? { status: 'active' } : {});

      await auditHousehold(tx, user, source, {
        action: 'member.move_out',
        before: departure.before,
        after: { ...departure.after, toHousehold: target.id, toHead: targetHead?.name ?? null },
        reason: input.reason,
      });
      await auditHousehold(tx, user, target, {
        action: 'member.move_in',
        after: {
          member: member.name,
          idNumber: maskIdNumber(member.idNumber),
          relation: input.relation,
          movedOn: input.date,
          fromHousehold: source.id,
          fromHead: member.isHead ? member.name : (sourceHead?.name ?? null),
          ...(reopened ? { householdStatus: 'active' } : {}),
        },
        reason: input.reason,
      });
      return { memberId: moved!.id };
    });
  } catch (e) {
    if (!idNumber) throw e;
    return rethrowMemberConflict(e, user, idNumber, { idNumber: 'memberId', relation: 'relation' });
  }
}
