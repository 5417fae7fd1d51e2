import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { households, members } from '@/db/schema';
import { assertCan, userCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { auditHousehold } from './household-tx';
import { isUuid } from '@/lib/core/uuid';


/**
 * The full resident ID of a member in the user's region. Reading is enough (auditors may
 * look), but every full view is itself logged on the household's timeline, in the same
 * transaction: no audit row, no number.
 */
export async function revealIdNumber(
  user: SessionUser,
  memberId: string,
): Promise<{ householdId: string; name: string; idNumber: string }> {
  assertCan(user, 'household.read');
  if (!isUuid(memberId)) throw new AppError('not_found');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ member: members, household: households })
      .from(members)
      .innerJoin(households, eq(households.id, members.householdId))
      .where(eq(members.id, memberId));
    if (!row || !userCovers(user, row.household.villageCode)) throw new AppError('not_found');
    await auditHousehold(tx, user, row.household, {
      action: 'member.reveal_id',
      after: { member: row.member.name },
      reason: null,
    });
    return { householdId: row.household.id, name: row.member.name, idNumber: row.member.idNumber };
  });
}
