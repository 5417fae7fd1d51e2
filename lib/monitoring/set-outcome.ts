import 'server-only';
import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { monitoringAlerts } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import type { alertOutcomeSchema } from './schemas';

/** Closes an open alert with its outcome; an alert outside the user's region is not found. */
export async function setAlertOutcome(user: SessionUser, input: z.output<typeof alertOutcomeSchema>) {
  assertCan(user, 'monitoring.write');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [alert] = await tx.select().from(monitoringAlerts).where(eq(monitoringAlerts.id, input.alertId)).for('update');
    if (!alert) throw new AppError('not_found');
    assertCovers(user, alert.villageCode);
    if (alert.outcome !== null) throw refuse('precondition', '该预警已登记处理结果');
    if (input.outcome === 'no_aid' && input.reason === '') throw refuse('invalid_input', '选择“无需救助”时须填写理由', 'reason');
    await tx
      .update(monitoringAlerts)
      .set({ outcome: input.outcome, outcomeReason: input.reason || null, closedBy: user.id, closedAt: new Date() })
      .where(and(eq(monitoringAlerts.id, alert.id), isNull(monitoringAlerts.outcome)));
    await recordAudit(tx, user, { action: 'monitoring.outcome', entity: 'monitoring_alert', entityId: alert.id, regionCode: alert.villageCode, before: { alertOutcome: null }, after: { alertOutcome: input.outcome, reason: input.reason } });
    return { id: alert.id };
  });
}
