import { cookies } from 'next/headers';
import { NextResponse } from 'next/server';
import { endSessionOfCookie } from '@/lib/auth/sign-out';
import { SESSION_COOKIE } from '@/lib/auth/types';
import { refuseCrossSite } from '@/lib/http/route';

/**
 * Sign-out as a plain form POST: it works before the page has hydrated and without script,
 * ends the session on the server (session version bumped), clears the cookie and goes to sign-in.
 * SameSite=Lax keeps another site's form from carrying the cookie here, and the same-origin
 * check refuses such a form whatever the cookie (no one is signed out from elsewhere).
 */
export async function POST(req: Request) {
  const crossSite = refuseCrossSite(req);
  if (crossSite) return crossSite;
  await endSessionOfCookie((await cookies()).get(SESSION_COOKIE)?.value);
  // A relative Location: the handler's req.url may name another host than the browser used
  // (localhost for 127.0.0.1), and the CSP's form-action 'self' refuses a form's redirect there.
  const res = new NextResponse(null, { status: 303, headers: { Location: '/login' } });
  res.cookies.delete(SESSION_COOKIE);
  res.headers.set('Cache-Control', 'no-store');
  return res;
}
