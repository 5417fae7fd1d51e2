import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { SessionClaims } from './types';

/**
 * Ends the session on the server, not only in the browser: bumping the session version makes
 * any copy of the cookie worthless (one resurrected by an in-flight request, or a stolen one).
 */
export async function endSession(db: Db, claims: Partial<SessionClaims>): Promise<void> {
  if (typeof claims.uid !== 'string' || typeof claims.sv !== 'number') return;
  const uid = claims.uid;
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, uid), eq(users.sessionVersion, claims.sv!)))
      .returning({ name: users.name });
    if (row) await recordAudit(tx, { id: uid, name: row.name }, { action: 'auth.sign_out', entity: 'user', entityId: uid });
  });
}

/** Ends the session a raw cookie value belongs to, if it is a valid one; anything else is ignored. */
export async function endSessionOfCookie(raw: string | undefined): Promise<void> {
  const { decode } = await import('next-auth/jwt');
  const { getDb } = await import('@/db/client');
  const { authSecret } = await import('./secret');
  const secret = authSecret();
  if (!raw || !secret) return;
  const claims = (await decode({ token: raw, secret }).catch(() => null)) as Partial<SessionClaims> | null;
  if (claims) await endSession(await getDb(), claims);
}
