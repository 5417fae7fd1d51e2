import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { households, tempAidCases } from '@/db/schema';
import type { AuditAction } from '@/lib/audit/labels';
import { recordAudit } from '@/lib/audit/record';
import { assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import type { CaseState } from './labels';
import { canMove, type PriorAid } from './rules';
import { isUuid } from '@/lib/core/uuid';

export type AidCase = typeof tempAidCases.$inferSelect;
export type Household = typeof households.$inferSelect;

/** Reads a case for change, locked; out of region answers like a missing one. */
export async function loadCaseForUpdate(tx: Tx, user: SessionUser, id: string): Promise<AidCase> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [c] = await tx.select().from(tempAidCases).where(eq(tempAidCases.id, id)).for('update');
  assertCovers(user, c?.villageCode);
  return c!;
}

/** The household a case is for, locked (one household's cases and payments are decided one at a time). */
export async function lockHouseholdInScope(tx: Tx, user: SessionUser, id: string): Promise<Household> {
  if (!isUuid(id)) throw new AppError('not_found');
  const [h] = await tx.select().from(households).where(eq(households.id, id)).for('update');
  assertCovers(user, h?.villageCode);
  if (!h || h.status !== 'active') throw new AppError('not_found');
  return h;
}

/**
 * Moves a case from the state the form saw to the next one. The WHERE on version makes a stale
 * form (or the second of two simultaneous decisions) change nothing.
 */
export async function moveCase(
  tx: Tx,
  c: AidCase,
  expected: { state: CaseState | CaseState[]; version: number },
  to: CaseState,
  set: Partial<typeof tempAidCases.$inferInsert> = {},
): Promise<AidCase> {
  const states = Array.isArray(expected.state) ? expected.state : [expected.state];
  if (!states.includes(c.state) || c.version !== expected.version) throw new AppError('conflict');
  if (to !== c.state && !canMove(c.kind, c.state, to)) throw new AppError('conflict');
  const [updated] = await tx
    .update(tempAidCases)
    .set({ ...set, state: to, version: sql`${tempAidCases.version} + 1`, updatedAt: new Date() })
    .where(and(eq(tempAidCases.id, c.id), eq(tempAidCases.version, expected.version)))
    .returning();
  if (!updated) throw new AppError('conflict');
  return updated;
}

/** The audit row of a case change, on the case and on the household's timeline. */
export async function auditCase(
  tx: Tx,
  user: SessionUser,
  c: AidCase,
  entry: { action: AuditAction; before?: Record<string, unknown>; after: Record<string, unknown>; reason?: string | null },
): Promise<void> {
  const base = { action: entry.action, regionCode: c.villageCode, before: entry.before ?? null, reason: entry.reason ?? null };
  await recordAudit(tx, user, { ...base, entity: 'temp_aid_case', entityId: c.id, after: entry.after });
  await recordAudit(tx, user, { ...base, entity: 'household', entityId: c.householdId, after: { ...entry.after, caseId: c.id } });
}

/** The household's other cases that led or may lead to a payment: what the same-cause flag looks at. */
export async function priorAidOf(tx: Tx, householdId: string): Promise<PriorAid[]> {
  const rows = await tx
    .select()
    .from(tempAidCases)
    .where(and(eq(tempAidCases.householdId, householdId), ne(tempAidCases.state, 'refused')));
  return rows.map((r) => ({ caseId: r.id, kind: r.kind, cause: r.cause, openedOn: r.openedOn, amountFen: r.approvedFen ?? r.requestedFen }));
}
