import 'server-only';
import { getDb } from '@/db/client';
import { members } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { refuse } from '@/lib/core/errors';
import type { AddMemberInput } from './change-schemas';
import {
  activeMembersOf,
  assertIdNumberFree,
  auditHousehold,
  bumpVersion,
  lockHousehold,
  nextSortOrder,
  rethrowMemberConflict,
} from './household-tx';
import { parseIdNumber } from '@/lib/core/resident-id';
import { memberAuditView } from './member-view';
import { memberColumns } from './member-columns';
import { householdMessages } from './messages';

/**
 * Adds a member to a household. The ID must not be active anywhere (named like at
 * registration); a household has exactly one 本人 while it has members, so a second one is
 * refused, and the first member of an emptied (closed) household must be 本人 and reopens it.
 */
export async function addMember(user: SessionUser, input: AddMemberInput): Promise<{ memberId: string }> {
  assertCan(user, 'household.write');
  const m = input.member;
  const parsed = parseIdNumber(m.idNumber, new Date());
  if (!parsed.ok) throw refuse('invalid_input', parsed.error, 'member.idNumber');
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const h = await lockHousehold(tx, user, input.householdId, input.version);
      const present = await activeMembersOf(tx, h.id);
      const head = present.find((p) => p.isHead);
      if (head && m.relation === '本人') {
        throw refuse('invalid_input', householdMessages.headExists(head.name), 'member.relation');
      }
      if (!head && m.relation !== '本人') {
        throw refuse('invalid_input', householdMessages.noHeadYet, 'member.relation');
      }
      await assertIdNumberFree(tx, user, h.id, parsed.id, 'member.idNumber');

      const [created] = await tx
        .insert(members)
        .values({
          householdId: h.id,
          ...memberColumns(m, parsed),
          sortOrder: await nextSortOrder(tx, h.id),
        })
        .returning();
      const reopened = h.status === 'closed';
      await bumpVersion(tx, h, reopened ? { status: 'active' } : {});
      await auditHousehold(tx, user, h, {
        action: 'member.add',
        after: { ...memberAuditView(created!), ...(reopened ? { householdStatus: 'active' } : {}) },
        reason: input.reason,
      });
      return { memberId: created!.id };
    });
  } catch (e) {
    return rethrowMemberConflict(e, user, parsed.id, { idNumber: 'member.idNumber', relation: 'member.relation' });
  }
}
