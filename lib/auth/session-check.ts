import 'server-only';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { regions, users } from '@/db/schema';
import { ABSOLUTE_TIMEOUT_SECONDS, type SessionClaims, type SessionUser } from './types';

/**
 * Turns the claims of a verified session token into the signed-in user, or null when the
 * session must end: past the absolute limit, account deactivated, or its role / region /
 * password changed since sign-in (session version bumped). Runs on every request.
 */
export async function resolveSessionUser(db: Db, claims: Partial<SessionClaims>, nowMs: number): Promise<SessionUser | null> {
  if (typeof claims.uid !== 'string' || typeof claims.sv !== 'number' || typeof claims.loginAt !== 'number') return null;
  if (nowMs / 1000 - claims.loginAt > ABSOLUTE_TIMEOUT_SECONDS) return null;
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      name: users.name,
      role: users.role,
      active: users.active,
      sv: users.sessionVersion,
      regionCode: users.regionCode,
      regionName: regions.name,
      regionLevel: regions.level,
    })
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(eq(users.id, claims.uid))
    .limit(1);
  if (!row || !row.active || row.sv !== claims.sv) return null;
  const { active: _active, sv: _sv, ...user } = row;
  return user;
}
