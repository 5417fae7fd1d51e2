import 'server-only';
import { asc, eq, like } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { regions, users } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { scopePrefix } from '@/lib/regions/codes';

export async function listUsers(actor: SessionUser) {
  assertCan(actor, 'user.manage');
  const db = await getDb();
  return db
    .select({
      id: users.id,
      username: users.username,
      name: users.name,
      role: users.role,
      regionCode: users.regionCode,
      regionName: regions.name,
      active: users.active,
      mustChangePassword: users.mustChangePassword,
      totpEnabledAt: users.totpEnabledAt,
      passwordChangedAt: users.passwordChangedAt,
      updatedAt: users.updatedAt,
    })
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(like(users.regionCode, `${scopePrefix(actor.regionCode, actor.regionLevel)}%`))
    .orderBy(asc(users.regionCode), asc(users.username));
}

export type UserRow = Awaited<ReturnType<typeof listUsers>>[number];
