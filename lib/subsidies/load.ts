import 'server-only';
import { eq } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { subsidyApplications } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { AuditAction } from '@/lib/audit/labels';
import { assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';

export type SubsidyApplication = typeof subsidyApplications.$inferSelect;

/** Reads a subsidy application for change, locked; out of region answers like a missing one. */
export async function loadSubsidyForUpdate(tx: Tx, user: SessionUser, id: string): Promise<SubsidyApplication> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not_found');
  const [app] = await tx.select().from(subsidyApplications).where(eq(subsidyApplications.id, id)).for('update');
  assertCovers(user, app?.villageCode);
  return app!;
}

/** The step's audit row on the application and on the household's timeline. */
export async function auditSubsidyStep(tx: Tx, user: SessionUser, app: SubsidyApplication, action: AuditAction, before: unknown, after: Record<string, unknown>, reason: string | null = null) {
  const entry = { action, regionCode: app.villageCode, before, reason };
  await recordAudit(tx, user, { ...entry, entity: 'subsidy_application', entityId: app.id, after });
  await recordAudit(tx, user, { ...entry, entity: 'household', entityId: app.householdId, after: { ...after, subsidyApplicationId: app.id, program: app.program, memberId: app.memberId } });
}
