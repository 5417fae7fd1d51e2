import 'server-only';
import { NextResponse } from 'next/server';
import { getSessionUser } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, errorMessages, errorStatus } from '@/lib/core/errors';
import { databaseUnavailable } from '@/lib/db/errors';

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

/**
 * Every route handler that touches data goes through here: no session, no data; errors map
 * to one response each; personal data is never cached (route handlers get no header by default).
 */
export function withUser<C>(handler: (user: SessionUser, req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
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
