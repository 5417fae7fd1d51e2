import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { households, members } from '@/db/schema';
import type { AuditAction } from '@/lib/audit/labels';
import { recordAudit } from '@/lib/audit/record';
import { userCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { uniqueViolation } from '@/lib/db/errors';
import { AppError, refuse } from '@/lib/core/errors';
import { describeRegisteredElsewhere } from './duplicates';
import { householdMessages } from './messages';

// The steps every change to a registered household shares, inside the verb's transaction.

export type HouseholdRow = typeof households.$inferSelect;
export type MemberRow = typeof members.$inferSelect;

/**
 * Locks the household row until the transaction ends and checks the version the form was
 * read at. A household outside the user's region answers exactly like a missing one.
 */
export async function lockHousehold(tx: Tx, user: SessionUser, householdId: string, version: number): Promise<HouseholdRow> {
  const [h] = await tx.select().from(households).where(eq(households.id, householdId)).for('update');
  if (!h || !userCovers(user, h.villageCode)) throw new AppError('not_found');
  if (h.version !== version) throw new AppError('conflict');
  return h;
}

/**
 * Locks two households in id order (two moves in opposite directions cannot deadlock).
 * Returns them in the order asked; a missing or out-of-region one is undefined.
 */
export async function lockTwoHouseholds(tx: Tx, user: SessionUser, a: string, b: string) {
  const rows = await tx
    .select()
    .from(households)
    .where(inArray(households.id, [a, b]))
    .orderBy(households.id)
    .for('update');
  const visible = (id: string) => rows.find((r) => r.id === id && userCovers(user, r.villageCode));
  return [visible(a), visible(b)] as const;
}

/** Every change moves the version on, so any other form still open on the old one is refused. */
export async function bumpVersion(tx: Tx, h: HouseholdRow, set: Partial<Pick<HouseholdRow, 'status'>> = {}): Promise<number> {
  const [row] = await tx
    .update(households)
    .set({ ...set, version: sql`${households.version} + 1`, updatedAt: new Date() })
    .where(eq(households.id, h.id))
    .returning({ version: households.version });
  return row!.version;
}

/** The household's timeline reads these rows: entity 'household', keyed by its id and village. */
export async function auditHousehold(
  tx: Tx,
  user: SessionUser,
  h: HouseholdRow,
  entry: { action: AuditAction; before?: unknown; after?: unknown; reason: string | null },
): Promise<void> {
  await recordAudit(tx, user, { ...entry, entity: 'household', entityId: h.id, regionCode: h.villageCode });
}

export async function activeMembersOf(tx: Tx, householdId: string): Promise<MemberRow[]> {
  return tx
    .select()
    .from(members)
    .where(and(eq(members.householdId, householdId), eq(members.status, 'active')))
    .orderBy(members.sortOrder, members.createdAt);
}

/** A member of this household (any status); another household's member is "not found". */
export async function memberOf(tx: Tx, householdId: string, memberId: string): Promise<MemberRow> {
  const [m] = await tx
    .select()
    .from(members)
    .where(and(eq(members.id, memberId), eq(members.householdId, householdId)))
    .for('update');
  if (!m) throw new AppError('not_found');
  return m;
}

export async function nextSortOrder(tx: Tx, householdId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`coalesce(max(${members.sortOrder}) + 1, 0)::int` })
    .from(members)
    .where(eq(members.householdId, householdId));
  return row?.n ?? 0;
}

/** The fields whose value differs, each with its old and new value: what the audit row keeps. */
export function changedFields<T extends Record<string, unknown>>(before: T, after: Partial<T>) {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a, changed: Object.keys(a).length > 0 };
}

/**
 * A resident ID is an active member of at most one household: refused at `field`, naming
 * where it is only within the user's region (registered-elsewhere.ts). The pre-check gives the message; the partial
 * unique index decides a race (see rethrowMemberConflict).
 */
export async function assertIdNumberFree(
  tx: Tx,
  user: SessionUser,
  householdId: string,
  idNumber: string,
  field: string,
  exceptMemberId?: string,
): Promise<void> {
  const same = await tx
    .select({ id: members.id, name: members.name })
    .from(members)
    .where(and(eq(members.householdId, householdId), eq(members.idNumber, idNumber), eq(members.status, 'active')));
  const other = same.find((m) => m.id !== exceptMemberId);
  if (other) throw refuse('invalid_input', householdMessages.idInThisHousehold(other.name), field);
  const elsewhere = (await describeRegisteredElsewhere(user, [idNumber], { exceptHouseholdId: householdId, db: tx })).get(idNumber);
  if (elsewhere) throw refuse('invalid_input', elsewhere, field);
}

/** Turns a lost race on the member unique indexes into the same field errors as the pre-checks. */
export async function rethrowMemberConflict(
  e: unknown,
  user: SessionUser,
  idNumber: string,
  fields: { idNumber: string; relation: string },
): Promise<never> {
  const constraint = uniqueViolation(e);
  if (constraint === 'members_active_id_number_uq') {
    const where = (await describeRegisteredElsewhere(user, [idNumber])).get(idNumber);
    throw refuse('invalid_input', where ?? householdMessages.idElsewhere, fields.idNumber);
  }
  if (constraint === 'members_one_head_uq') {
    throw refuse('invalid_input', householdMessages.secondHeadUnnamed, fields.relation);
  }
  throw e;
}
