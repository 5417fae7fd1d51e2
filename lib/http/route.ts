import 'server-only';
import { NextResponse } from 'next/server';
import { getSessionUser } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, errorMessages } from '@/lib/core/errors';

const noStore = { 'Cache-Control': 'no-store, private' };

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: noStore });
}

/**
 * Every route handler that touches data goes through here: no session, no data; errors map
 * to one response each; personal data is never cached (route handlers get no header by default).
 */
export function withUser<C>(handler: (user: SessionUser, req: Request, ctx: C) => Promise<Response>) {
  return async (req: Request, ctx: C): Promise<Response> => {
    const user = await getSessionUser();
    if (!user) return json({ error: 'unauthenticated', message: errorMessages.unauthenticated }, 401);
    try {
      const res = await handler(user, req, ctx);
      res.headers.set('Cache-Control', noStore['Cache-Control']);
      return res;
    } catch (e) {
      if (e instanceof AppError) {
        const status = e.code === 'not_found' ? 404 : e.code === 'invalid_input' ? 400 : 409;
        return json({ error: e.code, message: errorMessages[e.code], fieldErrors: e.fieldErrors }, status);
      }
      console.error('[route] failed:', e instanceof Error ? e.name : 'unknown');
      return json({ error: 'internal', message: errorMessages.internal }, 500);
    }
  };
}
