import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { regions, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, userCovers } from '@/lib/auth/authorize';
import { hashPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/types';
import { refuse } from '@/lib/core/errors';
import { allowedLevels, levelLabels } from './rules';
import type { CreateUserInput } from './schemas';
import { userMessages } from './messages';

export async function createUser(actor: SessionUser, input: CreateUserInput): Promise<{ id: string }> {
  assertCan(actor, 'user.manage');
  const db = await getDb();
  const [region] = await db.select().from(regions).where(eq(regions.code, input.regionCode));
  if (!region || !userCovers(actor, region.code)) {
    throw refuse('invalid_input', userMessages.regionOutOfScope, 'regionCode');
  }
  if (!allowedLevels[input.role].includes(region.level)) {
    const levels = allowedLevels[input.role].map((l) => levelLabels[l]).join('或');
    throw refuse('invalid_input', userMessages.roleLevel(levels), 'regionCode');
  }
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(users)
      .values({
        username: input.username,
        name: input.name,
        role: input.role,
        regionCode: region.code,
        passwordHash,
        // The admin typed it: the user chooses their own at the first sign-in.
        mustChangePassword: true,
      })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!created) throw refuse('duplicate_username', userMessages.usernameTaken, 'username');
    await recordAudit(tx, actor, {
      action: 'user.create',
      entity: 'user',
      entityId: created.id,
      regionCode: region.code,
      after: { username: input.username, name: input.name, role: input.role, regionCode: region.code },
    });
    return created;
  });
}
