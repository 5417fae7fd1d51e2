import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { enrollments, institutionPlacements, institutions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { institutionMessages } from './messages';
import { writePlacementAmount } from './placement-amount';
import { dischargeEffectiveMonth } from './rules';
import type { DischargeInput } from './schemas';

/**
 * 办理离院: the institution is paid through the month of discharge; from the next month the
 * person at home gets the 分散 standard (a new amount row), paid to the household's account. A
 * transfer to another institution writes no row (the next admission keeps the 集中 amount); nor
 * does a discharge of someone no longer on the roll that month (a death ends the enrollment).
 */
export async function dischargeResident(user: SessionUser, input: DischargeInput): Promise<{ id: string; amountFen: number | null }> {
  assertCan(user, 'institution.manage');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [p] = await tx.select().from(institutionPlacements).where(eq(institutionPlacements.id, input.placementId)).for('update');
    const [inst] = p ? await tx.select().from(institutions).where(eq(institutions.id, p.institutionId)).for('update') : [];
    assertCovers(user, inst?.countyCode);
    if (!p || !inst) throw new AppError('not_found');
    if (p.dischargedOn) throw new AppError('invalid_input', { _form: institutionMessages.alreadyDischarged });
    if (input.dischargedOn < p.admittedOn) throw new AppError('invalid_input', { dischargedOn: institutionMessages.dischargeBeforeAdmission(p.admittedOn) });
    const [e] = await tx.select().from(enrollments).where(eq(enrollments.id, p.enrollmentId)).for('update');
    if (!e) throw new AppError('not_found');

    const reason = input.note ? `${input.reason}：${input.note}` : input.reason;
    await tx.update(institutionPlacements).set({ dischargedOn: input.dischargedOn, dischargeReason: reason, dischargedBy: user.id }).where(eq(institutionPlacements.id, p.id));
    const month = dischargeEffectiveMonth(input.dischargedOn);
    const stillPaid = (e.status === 'active' || e.status === 'suspended') && (e.endMonth === null || e.endMonth >= month);
    const amountFen =
      input.reason === 'transfer' || input.reason === 'death' || !stillPaid
        ? null
        : await writePlacementAmount(tx, user.id, e, { kind: 'tekun_dispersed', onDate: input.dischargedOn, effectiveMonth: month, placementId: p.id, institutionId: inst.id, institutionName: inst.name });

    const entry = { action: 'institution.discharge' as const, regionCode: e.villageCode, before: { admittedOn: p.admittedOn }, after: { placementId: p.id, institutionName: inst.name, dischargedOn: input.dischargedOn, dischargeReason: input.reason, effectiveMonth: month, amountFen }, reason: input.note };
    await recordAudit(tx, user, { ...entry, entity: 'institution', entityId: inst.id });
    await recordAudit(tx, user, { ...entry, entity: 'enrollment', entityId: e.id });
    await recordAudit(tx, user, { ...entry, entity: 'household', entityId: e.householdId });
    return { id: p.id, amountFen };
  });
}
