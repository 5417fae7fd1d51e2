import 'server-only';
import { decode, encode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { can, type Permission } from './permissions';
import { authSecret } from './secret';
import { resolveSessionState, type SessionState } from './session-check';
import { IDLE_TIMEOUT_SECONDS, pendingPaths, SESSION_COOKIE, type SessionClaims, type SessionUser } from './types';

type Claims = Partial<SessionClaims> & Record<string, unknown>;

const readClaims = cache(async (): Promise<Claims | null> => {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  const secret = authSecret();
  if (!raw || !secret) return null;
  try {
    return (await decode({ token: raw, secret })) as Claims | null;
  } catch {
    return null;
  }
});

/** The session for this request with any step it still owes (lib/auth/session-check.ts). */
export const getSessionState = cache(async (): Promise<SessionState | null> => {
  const claims = await readClaims();
  if (!claims) return null;
  return resolveSessionState(await getDb(), claims, Date.now());
});

/**
 * The signed-in user for this request, checked against the database every time; null if none,
 * and null too while the session owes a step (a new password, the second factor's enrolment):
 * every action and route then answers as if signed out.
 */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const state = await getSessionState();
  return state && !state.pending ? state.user : null;
});

/** For pages: the signed-in user, or a redirect to sign-in (or to the step the session owes). */
export async function requireUser(): Promise<SessionUser> {
  const state = await getSessionState();
  if (!state) redirect('/login');
  if (state.pending) redirect(pendingPaths[state.pending]);
  return state.user;
}

/** For the account pages: the user also while the session owes a step. */
export async function requireAccountUser(): Promise<SessionState> {
  const state = await getSessionState();
  if (!state) redirect('/login');
  return state;
}

/**
 * After the user's own password change or enrolment, which bumped their session version (ending
 * every other session): this session carries on under the new version, the step it owed done.
 */
export async function reissueSession(sessionVersion: number, done: { enrolled?: boolean } = {}): Promise<void> {
  const claims = await readClaims();
  const secret = authSecret();
  if (!claims || !secret) return;
  // The enrolment owed stays owed until the second factor is bound (a new password does not pay it).
  const { enrol, ...rest } = claims;
  const next = { ...rest, sv: sessionVersion, ...(enrol && !done.enrolled ? { enrol } : {}) };
  const token = await encode({ token: next, secret, maxAge: IDLE_TIMEOUT_SECONDS });
  (await cookies()).set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: (process.env.NEXTAUTH_URL ?? '').startsWith('https://'),
    maxAge: IDLE_TIMEOUT_SECONDS,
  });
}

/** For pages that need a permission: a user without it sees "not found", not "forbidden". */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) notFound();
  return user;
}
