import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { endSessionOfCookie } from '@/lib/auth/sign-out';
import { SESSION_COOKIE } from '@/lib/auth/types';

/**
 * Sign-out as a plain form POST: it works before the page has hydrated and without script,
 * ends the session on the server (session version bumped), clears the cookie and goes to sign-in.
 * SameSite=Lax keeps another site's form from carrying the cookie here.
 */
export async function POST(req: Request) {
  await endSessionOfCookie((await cookies()).get(SESSION_COOKIE)?.value);
  const res = NextResponse.redirect(new URL('/login', req.url), 303);
  res.cookies.delete(SESSION_COOKIE);
  res.headers.set('Cache-Control', 'no-store');
  return res;
}
