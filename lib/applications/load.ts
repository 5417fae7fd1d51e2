import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { applications } from '@/db/schema';
import { assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { applicationStateLabels, assertTransition } from '@/lib/applications/flow';
import { applicationKindLabels } from '@/lib/applications/list-filter';

export type Application = typeof applications.$inferSelect;
export type ApplicationState = Application['state'];

/** Reads an application for change, locked; out of region answers like a missing one. */
export async function loadForUpdate(tx: Tx, user: SessionUser, id: string): Promise<Application> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found');
  const [app] = await tx.select().from(applications).where(eq(applications.id, id)).for('update');
  assertCovers(user, app?.villageCode);
  return app!;
}

export type Expected = { state: ApplicationState | ApplicationState[]; version: number };

/** The application is still as the form saw it: else the form is stale (a conflict, before anything else is checked). */
export function assertExpected(app: Application, expected: Expected): void {
  const states = Array.isArray(expected.state) ? expected.state : [expected.state];
  if (!states.includes(app.state) || app.version !== expected.version) throw new AppError('conflict');
}

/**
 * Moves an application from the state the form saw to the next one. The WHERE on state and
 * version makes a stale form (or the second of two simultaneous approvals) change nothing.
 */
export async function moveState(
  tx: Tx,
  app: Application,
  expected: Expected,
  to: ApplicationState,
  set: Partial<typeof applications.$inferInsert> = {},
): Promise<Application> {
  assertExpected(app, expected);
  if (to !== app.state) {
    const legal = assertTransition(app.state, to);
    if (!legal.ok) throw refuse('precondition', legal.message);
  }
  const [updated] = await tx
    .update(applications)
    .set({ ...set, state: to, version: sql`${applications.version} + 1`, updatedAt: new Date() })
    .where(and(eq(applications.id, app.id), eq(applications.version, expected.version)))
    .returning();
  if (!updated) throw new AppError('conflict');
  return updated;
}

export const stateLabels: Record<ApplicationState, string> = applicationStateLabels;

export const kindLabels: Record<Application['kind'], string> = applicationKindLabels;
