import { decode, encode } from 'next-auth/jwt';
import { NextResponse, type NextRequest } from 'next/server';
import { safeReturnPath } from '@/lib/auth/return-path';
import { authSecret } from '@/lib/auth/secret';
import { ABSOLUTE_TIMEOUT_SECONDS, IDLE_TIMEOUT_SECONDS, SESSION_COOKIE, type SessionClaims } from '@/lib/auth/types';
import { contentSecurityPolicy, HSTS, newNonce, servedOverHttps } from '@/lib/http/security-headers';

/**
 * Convenience only, never the check: it sends signed-out page views to the sign-in page and
 * slides the 30-minute idle timeout on activity. Every page, server action and route handler
 * checks the session against the database itself (lib/auth/session.ts).
 *
 * It also gives every response its Content-Security-Policy with a fresh nonce, set on the
 * request too: Next.js reads the nonce from the request's policy while rendering and puts it on
 * its own scripts (the root layout waits for the request, so no page is prerendered without one).
 */
export async function proxy(req: NextRequest) {
  const https = servedOverHttps(process.env.NEXTAUTH_URL, req.nextUrl.protocol);
  const policy = contentSecurityPolicy(newNonce(), { https, dev: process.env.NODE_ENV === 'development' });
  // Set on the request, overwriting whatever the client sent: Next.js takes the nonce from the
  // request's policy. (No page writes an inline <script> or <style> of its own; one that did
  // would need this nonce, and would still be refused when created by a client navigation,
  // whose RSC response has a nonce of its own.)
  const requestHeaders = new Headers(req.headers);
  requestHeaders.set('content-security-policy', policy);
  const secured = <R extends NextResponse>(res: R): R => {
    res.headers.set('Content-Security-Policy', policy);
    if (https) res.headers.set('Strict-Transport-Security', HSTS);
    return res;
  };
  const next = () => secured(NextResponse.next({ request: { headers: requestHeaders } }));

  const secret = authSecret();
  const raw = req.cookies.get(SESSION_COOKIE)?.value;
  type Claims = Partial<SessionClaims> & Record<string, unknown>;
  let claims: Claims | null = null;
  if (raw && secret) {
    try {
      claims = (await decode({ token: raw, secret })) as Claims | null;
    } catch {
      claims = null;
    }
  }
  const nowSeconds = Date.now() / 1000;
  const valid = typeof claims?.loginAt === 'number' && nowSeconds - claims.loginAt < ABSOLUTE_TIMEOUT_SECONDS;
  const { pathname } = req.nextUrl;
  const pageView = req.method === 'GET' && !pathname.startsWith('/api/') && !req.headers.has('next-action');

  if (!valid || !claims || !secret) {
    if (pageView && pathname !== '/login') {
      const url = new URL('/login', req.url);
      const back = safeReturnPath(pathname); // never a way off the site (lib/auth/return-path.ts)
      if (back !== '/') url.searchParams.set('callbackUrl', back);
      const res = secured(NextResponse.redirect(url));
      if (raw) res.cookies.delete(SESSION_COOKIE);
      return res;
    }
    return next();
  }

  const res = next();
  // A prefetch is not the user's activity, and a late one could outlive a sign-out.
  if (req.headers.has('next-router-prefetch')) return res;
  // The account pages' actions (a new password, the second factor) issue the session anew
  // themselves (lib/auth/session.ts reissueSession): a refresh of the old token must not race it.
  if (pathname.startsWith('/account/') && req.method === 'POST') return res;
  const refreshed = await encode({ token: claims, secret, maxAge: IDLE_TIMEOUT_SECONDS });
  res.cookies.set(SESSION_COOKIE, refreshed, {
    httpOnly: true,
    sameSite: 'lax',
    path: '/',
    secure: req.nextUrl.protocol === 'https:',
    maxAge: IDLE_TIMEOUT_SECONDS,
  });
  return res;
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico|api/auth|api/health).*)'],
};
