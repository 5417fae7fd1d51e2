import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { enrollments } from '@/db/schema';
import { recordAudit, type AuditEntry } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { enrollmentMessages } from './messages';

/** A supervisor confirms (or declines) a disability subsidy that a dibao decision proposed. */
export async function confirmSubsidy(user: SessionUser, input: { enrollmentId: string; version: number; confirm: boolean; reason?: string }) {
  assertCan(user, 'enrollment.approve');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [e] = await tx.select().from(enrollments).where(eq(enrollments.id, input.enrollmentId)).for('update');
    assertCovers(user, e?.villageCode);
    if (!e || (e.program !== 'dis_living' && e.program !== 'dis_care')) throw new AppError('not_found');
    if (e.status !== 'proposed' || e.version !== input.version) throw new AppError('conflict');
    if (!input.confirm && !input.reason) throw refuse('invalid_input', enrollmentMessages.refuseNeedsReason, 'reason');
    const status = input.confirm ? 'active' : 'terminated';
    await tx
      .update(enrollments)
      .set({ status, decidedBy: user.id, statusReason: input.confirm ? e.statusReason : input.reason!, version: sql`${enrollments.version} + 1` })
      .where(and(eq(enrollments.id, e.id), eq(enrollments.version, input.version)));
    const entry = { action: input.confirm ? 'subsidy.confirm' : 'subsidy.decline', regionCode: e.villageCode, before: { status: e.status }, after: { status, program: e.program, memberId: e.memberId }, reason: input.reason ?? null } satisfies Omit<AuditEntry, 'entity'>;
    await recordAudit(tx, user, { ...entry, entity: 'enrollment', entityId: e.id });
    await recordAudit(tx, user, { ...entry, entity: 'household', entityId: e.householdId });
    return { status };
  });
}
