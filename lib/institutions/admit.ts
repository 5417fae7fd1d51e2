import 'server-only';
import { and, desc, eq, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { enrollmentAmounts, enrollments, institutionPlacements, institutions, members } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { uniqueViolation } from '@/lib/db/errors';
import { institutionMessages } from './messages';
import { writePlacementAmount } from './placement-amount';
import { admissionMonth } from './rules';
import type { AdmitInput } from './schemas';

/**
 * 办理入住 (集中供养): a 特困 person of the institution's county moves in. Under the institution's
 * row lock the residents are counted against the capacity, so concurrent admissions never fill
 * more beds than there are; one open placement per person is a unique index. From the month of
 * admission the person's amount is the 集中 standard (a new amount row), paid to the institution.
 */
export async function admitResident(user: SessionUser, input: AdmitInput): Promise<{ id: string; amountFen: number | null }> {
  assertCan(user, 'institution.manage');
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const [inst] = await tx.select().from(institutions).where(eq(institutions.id, input.institutionId)).for('update');
      assertCovers(user, inst?.countyCode);
      if (!inst) throw new AppError('not_found');
      if (inst.status !== 'operating') throw refuse('precondition', institutionMessages.closed);

      const [found] = await tx
        .select({ e: enrollments })
        .from(enrollments)
        .innerJoin(members, eq(members.id, enrollments.memberId))
        .where(and(eq(members.idNumber, input.idNumber), eq(enrollments.program, 'tekun'), eq(enrollments.countyCode, inst.countyCode)))
        .orderBy(sql`${enrollments.status} = 'active' desc`, desc(enrollments.createdAt))
        .limit(1)
        .for('update', { of: enrollments });
      if (!found || !found.e.memberId) throw new AppError('invalid_input', { idNumber: institutionMessages.personNotFound });
      const e = found.e;
      if (e.status !== 'active') throw new AppError('invalid_input', { idNumber: institutionMessages.notActive });
      const month = admissionMonth(input.admittedOn);
      if (month < e.startMonth) throw new AppError('invalid_input', { admittedOn: institutionMessages.beforeEnrollment(e.startMonth) });

      const [open] = await tx.select({ id: institutionPlacements.id }).from(institutionPlacements).where(and(eq(institutionPlacements.memberId, e.memberId!), isNull(institutionPlacements.dischargedOn)));
      if (open) throw new AppError('invalid_input', { idNumber: institutionMessages.alreadyPlaced });
      const [last] = await tx
        .select({ dischargedOn: institutionPlacements.dischargedOn })
        .from(institutionPlacements)
        .where(and(eq(institutionPlacements.memberId, e.memberId!), isNotNull(institutionPlacements.dischargedOn)))
        .orderBy(desc(institutionPlacements.dischargedOn))
        .limit(1);
      if (last?.dischargedOn && input.admittedOn < last.dischargedOn) throw new AppError('invalid_input', { admittedOn: institutionMessages.admittedAfterDischarge(last.dischargedOn) });

      const [{ n } = { n: 0 }] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(institutionPlacements)
        .where(and(eq(institutionPlacements.institutionId, inst.id), isNull(institutionPlacements.dischargedOn)));
      if (n >= inst.capacity) throw refuse('precondition', institutionMessages.full(inst.capacity));

      const [p] = await tx
        .insert(institutionPlacements)
        .values({ institutionId: inst.id, enrollmentId: e.id, memberId: e.memberId!, admittedOn: input.admittedOn, admittedBy: user.id })
        .returning({ id: institutionPlacements.id });

      // A transfer between institutions keeps the 集中 amount already in force: no new row.
      const [inForce] = await tx
        .select({ components: enrollmentAmounts.components })
        .from(enrollmentAmounts)
        .where(and(eq(enrollmentAmounts.enrollmentId, e.id), lte(enrollmentAmounts.effectiveMonth, month)))
        .orderBy(desc(enrollmentAmounts.effectiveMonth))
        .limit(1);
      const centralized = (inForce?.components as { supportMode?: string } | null)?.supportMode === 'centralized';
      const amountFen = centralized
        ? null
        : await writePlacementAmount(tx, user.id, e, { kind: 'tekun_centralized', onDate: input.admittedOn, effectiveMonth: month, placementId: p!.id, institutionId: inst.id, institutionName: inst.name });

      const entry = { action: 'institution.admit' as const, regionCode: e.villageCode, after: { placementId: p!.id, institutionName: inst.name, admittedOn: input.admittedOn, effectiveMonth: month, amountFen } };
      await recordAudit(tx, user, { ...entry, entity: 'institution', entityId: inst.id });
      await recordAudit(tx, user, { ...entry, entity: 'enrollment', entityId: e.id });
      await recordAudit(tx, user, { ...entry, entity: 'household', entityId: e.householdId });
      return { id: p!.id, amountFen };
    });
  } catch (err) {
    // Two admissions of the same person at once: the partial unique index lets one through.
    if (uniqueViolation(err)) throw new AppError('invalid_input', { idNumber: institutionMessages.alreadyPlaced });
    throw err;
  }
}
