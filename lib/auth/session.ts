import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { notFound, redirect } from 'next/navigation';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { can, type Permission } from './permissions';
import { authSecret } from './secret';
import { resolveSessionUser } from './session-check';
import { SESSION_COOKIE, type SessionClaims, type SessionUser } from './types';

/** The signed-in user for this request, checked against the database every time; null if none. */
export const getSessionUser = cache(async (): Promise<SessionUser | null> => {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  const secret = authSecret();
  if (!raw || !secret) return null;
  let claims: Partial<SessionClaims> | null = null;
  try {
    claims = (await decode({ token: raw, secret })) as Partial<SessionClaims> | null;
  } catch {
    return null;
  }
  if (!claims) return null;
  return resolveSessionUser(await getDb(), claims, Date.now());
});

/** For pages: the signed-in user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await getSessionUser();
  if (!user) redirect('/login');
  return user;
}

/** For pages that need a permission: a user without it sees "not found", not "forbidden". */
export async function requirePermission(permission: Permission): Promise<SessionUser> {
  const user = await requireUser();
  if (!can(user.role, permission)) notFound();
  return user;
}
