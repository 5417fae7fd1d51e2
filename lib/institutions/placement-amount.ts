import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { enrollmentAmounts, enrollments } from '@/db/schema';
import { assessApplication } from '@/lib/applications/assess';
import { refuse } from '@/lib/core/errors';
import { institutionMessages } from './messages';

type Enrollment = typeof enrollments.$inferSelect;

/**
 * The amount row a placement writes: the 集中 standard from the month of admission, the 分散
 * standard from the month after discharge, worked out like any 特困 amount (assessApplication)
 * from the standards in force on the day, with the placement named in its working. An amount row
 * never changes once written, so every month's amount and payee can be read back.
 */
export async function writePlacementAmount(
  tx: Tx,
  approvedBy: string,
  e: Enrollment,
  at: { kind: 'tekun_centralized' | 'tekun_dispersed'; onDate: string; effectiveMonth: string; placementId: string; institutionId: string; institutionName: string },
): Promise<number> {
  const assessment = await assessApplication(tx, { kind: at.kind, householdId: e.householdId, memberId: e.memberId }, at.onDate);
  const [taken] = await tx
    .select({ id: enrollmentAmounts.id })
    .from(enrollmentAmounts)
    .where(and(eq(enrollmentAmounts.enrollmentId, e.id), eq(enrollmentAmounts.effectiveMonth, at.effectiveMonth)));
  if (taken) throw refuse('precondition', institutionMessages.amountMonthTaken(at.effectiveMonth), at.kind === 'tekun_centralized' ? 'admittedOn' : 'dischargedOn');
  const working =
    at.kind === 'tekun_centralized'
      ? `集中供养：${at.onDate} 入住${at.institutionName}，${at.effectiveMonth} 起按集中供养标准发放至机构账户`
      : `分散供养：${at.onDate} 离开${at.institutionName}，${at.effectiveMonth} 起按分散供养标准发放本人`;
  const components = {
    ...assessment,
    working: [working, ...assessment.working],
    supportMode: at.kind === 'tekun_centralized' ? 'centralized' : 'dispersed',
    placementId: at.placementId,
    institutionId: at.institutionId,
  };
  await tx.insert(enrollmentAmounts).values({ enrollmentId: e.id, effectiveMonth: at.effectiveMonth, amountFen: assessment.totalFen, components, approvedBy });
  await tx.update(enrollments).set({ version: sql`${enrollments.version} + 1` }).where(eq(enrollments.id, e.id));
  return assessment.totalFen;
}
