import 'server-only';
import { NextResponse } from 'next/server';
import { getSessionUser } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, errorMessages, errorStatus } from '@/lib/core/errors';
import { databaseUnavailable } from '@/lib/db/errors';
import { crossSiteReason } from './same-origin';

const noStore = { 'Cache-Control': 'no-store, private' };

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: noStore });
}

/** The one mapping of a failure to a response: its code, its message, its status. */
export function errorResponse(e: unknown): NextResponse {
  if (e instanceof AppError) {
    return json({ error: e.code, message: e.fieldErrors._form ?? errorMessages[e.code], fieldErrors: e.fieldErrors }, errorStatus[e.code]);
  }
  if (databaseUnavailable(e)) return json({ error: 'unavailable', message: errorMessages.unavailable }, errorStatus.unavailable);
  console.error('[route] failed:', e instanceof Error ? e.name : 'unknown');
  return json({ error: 'internal', message: errorMessages.internal }, errorStatus.internal);
}

/** 403 for a request another site made the browser send (lib/http/same-origin.ts); null to proceed. */
export function refuseCrossSite(req: Request): NextResponse | null {
  const reason = crossSiteReason(req.method, req.headers, process.env.NEXTAUTH_URL);
  if (!reason) return null;
  console.warn('[route] cross-site request refused:', reason, req.method, new URL(req.url).pathname);
  return json({ error: 'cross_site', message: errorMessages.cross_site }, errorStatus.cross_site);
}

/**
 * Every route handler that touches data goes through here: a request from another site is
 * refused before anything is read; no session, no data; errors map to one response each;
 * personal data is never cached (route handlers get no header by default).
 */
export function withUser<C>(handler: (user: SessionUser, req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    const crossSite = refuseCrossSite(req);
    if (crossSite) return crossSite;
    try {
      const user = await getSessionUser();
      if (!user) return json({ error: 'unauthenticated', message: errorMessages.unauthenticated }, errorStatus.unauthenticated);
      const res = await handler(user, req, ctx);
      res.headers.set('Cache-Control', noStore['Cache-Control']);
      return res;
    } catch (e) {
      return errorResponse(e);
    }
  };
}
