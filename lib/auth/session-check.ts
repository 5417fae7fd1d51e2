import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { regions, users } from '@/db/schema';
import { ABSOLUTE_TIMEOUT_SECONDS, type AccountPending, type SessionClaims, type SessionUser } from './types';

export interface SessionState {
  user: SessionUser;
  /** A step the user must take before the session is a full one, or null. */
  pending: AccountPending | null;
}

/**
 * Turns the claims of a verified session token into the signed-in user, or null when the
 * session must end: past the absolute limit, account deactivated, or its role / region /
 * password changed since sign-in (session version bumped). Runs on every request.
 */
export async function resolveSessionUser(db: Db, claims: Partial<SessionClaims>, nowMs: number): Promise<SessionUser | null> {
  const state = await resolveSessionState(db, claims, nowMs);
  return state && !state.pending ? state.user : null;
}

/**
 * The session with the step it still owes: a new password when the account is marked so (an
 * admin's reset, a new account), the second factor when the sign-in said enrolment is due
 * (claims.enrol) and the account has none yet.
 */
export async function resolveSessionState(db: Db, claims: Partial<SessionClaims>, nowMs: number): Promise<SessionState | null> {
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
      mustChangePassword: users.mustChangePassword,
      hasTotp: sql<boolean>`${users.totpSecret} is not null`,
    })
    .from(users)
    .innerJoin(regions, eq(regions.code, users.regionCode))
    .where(eq(users.id, claims.uid))
    .limit(1);
  if (!row || !row.active || row.sv !== claims.sv) return null;
  const { active: _active, sv: _sv, mustChangePassword, hasTotp, ...user } = row;
  const pending: AccountPending | null = mustChangePassword ? 'password' : claims.enrol === true && !hasTotp ? 'totp' : null;
  return { user, pending };
}
