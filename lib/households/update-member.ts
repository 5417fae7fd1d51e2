import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { members } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { refuse } from '@/lib/core/errors';
import type { UpdateMemberInput } from './change-schemas';
import {
  activeMembersOf,
  assertIdNumberFree,
  auditHousehold,
  bumpVersion,
  changedFields,
  lockHousehold,
  memberOf,
  rethrowMemberConflict,
} from './household-tx';
import { parseIdNumber } from '@/lib/core/resident-id';
import { memberAuditView } from './member-view';
import { memberColumns } from './member-columns';
import { householdMessages } from './messages';

/**
 * Corrects a member's details. A mistyped resident ID may be corrected, with the same
 * duplicate check as registration (birth date and sex follow the ID). The head stays 本人
 * and nobody else may become 本人: the head changes only when the head leaves.
 */
export async function updateMember(user: SessionUser, input: UpdateMemberInput): Promise<{ changed: boolean }> {
  assertCan(user, 'household.write');
  const m = input.member;
  const db = await getDb();
  let idNumber = '';
  try {
    return await db.transaction(async (tx) => {
      const h = await lockHousehold(tx, user, input.householdId, input.version);
      const current = await memberOf(tx, h.id, input.memberId);
      const parsed = parseIdNumber(m.idNumber ?? current.idNumber, new Date());
      if (!parsed.ok) throw refuse('invalid_input', parsed.error, 'member.idNumber');
      idNumber = parsed.id;
      if (current.status !== 'active') {
        throw refuse('precondition', householdMessages.memberGoneNoEdit(current.name));
      }
      if (current.isHead && m.relation !== '本人') {
        throw refuse('invalid_input', householdMessages.headRelation, 'member.relation');
      }
      if (!current.isHead && m.relation === '本人') {
        const head = (await activeMembersOf(tx, h.id)).find((p) => p.isHead);
        if (head) {
          throw refuse('invalid_input', householdMessages.secondHead(head.name), 'member.relation');
        }
      }
      if (parsed.id !== current.idNumber) {
        await assertIdNumberFree(tx, user, h.id, parsed.id, 'member.idNumber', current.id);
      }

      const next = {
        ...memberColumns(m, parsed),
      };
      const updated = { ...current, ...next };
      const diff = changedFields(memberAuditView(current), memberAuditView(updated));
      // Every digit of an ID shows in the view (masked digits are the birth date), so a
      // corrected ID always counts as a change.
      if (!diff.changed) return { changed: false };

      await tx.update(members).set(next).where(eq(members.id, current.id));
      await bumpVersion(tx, h);
      await auditHousehold(tx, user, h, {
        action: 'member.update',
        before: { member: current.name, ...diff.before },
        after: { member: updated.name, ...diff.after },
        reason: input.reason,
      });
      return { changed: true };
    });
  } catch (e) {
    if (!idNumber) throw e;
    return rethrowMemberConflict(e, user, idNumber, { idNumber: 'member.idNumber', relation: 'member.relation' });
  }
}
