import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { regions, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers, userCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { allowedLevels, levelLabels } from './rules';
import type { UpdateUserInput } from './schemas';
import { userMessages } from './messages';

/**
 * Changes a user's role, region or active flag. Any of these bumps the session version,
 * so the user's existing sessions end on their next request.
 */
export async function updateUser(actor: SessionUser, input: UpdateUserInput): Promise<{ changed: boolean }> {
  assertCan(actor, 'user.manage');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, input.userId)).for('update');
    assertCovers(actor, current?.regionCode);
    if (!current) throw new AppError('not_found');
    const [region] = await tx.select().from(regions).where(eq(regions.code, input.regionCode));
    if (!region || !userCovers(actor, region.code)) {
      throw refuse('invalid_input', userMessages.regionOutOfScope, 'regionCode');
    }
    if (!allowedLevels[input.role].includes(region.level)) {
      const levels = allowedLevels[input.role].map((l) => levelLabels[l]).join('或');
      throw refuse('invalid_input', userMessages.roleLevel(levels), 'regionCode');
    }
    if (current.id === actor.id && (input.role !== current.role || !input.active || input.regionCode !== current.regionCode)) {
      throw refuse('same_person', userMessages.notYourself, 'role');
    }
    const before = { role: current.role, regionCode: current.regionCode, active: current.active };
    const after = { role: input.role, regionCode: region.code, active: input.active };
    if (JSON.stringify(before) === JSON.stringify(after)) return { changed: false };
    await tx
      .update(users)
      .set({ ...after, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
      .where(eq(users.id, current.id));
    await recordAudit(tx, actor, {
      action: input.active ? 'user.update' : 'user.deactivate',
      entity: 'user',
      entityId: current.id,
      regionCode: region.code,
      before,
      after,
      reason: input.reason,
    });
    return { changed: true };
  });
}
