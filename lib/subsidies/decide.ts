import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb, type Tx } from '@/db/client';
import { enrollmentAmounts, enrollmentMembers, enrollments, households, members, subsidyApplications } from '@/db/schema';
import { singleApplicantCheck } from '@/lib/applications/eligibility';
import { startMonthAfterDecision } from '@/lib/applications/flow';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { todayInChina } from '@/lib/core/time';
import { uniqueViolation } from '@/lib/db/errors';
import { standardInForce } from '@/lib/policy/standards';
import { auditSubsidyStep, loadSubsidyForUpdate, type SubsidyApplication } from './load';
import { subsidyMessages } from './messages';
import { careEligibility, certificateExpired, livingEligibility, nextCertificateReview, parseCarePolicy, type DisabilityKind, type Verdict } from './rules';
import type { decideSubsidySchema } from './schemas';

/** The eligibility rules of the program, with the policy in force on the decision date, in the transaction. */
async function eligibility(tx: Tx, app: SubsidyApplication, today: string): Promise<Verdict> {
  if (app.program === 'dis_care') {
    const grades = await standardInForce(tx, 'dis_care', 'grades', app.countyCode, today);
    if (!grades?.textValue) throw refuse('precondition', subsidyMessages.notConfigured('护理补贴的残疾等级'), 'decision');
    const kindGrades = await standardInForce(tx, 'dis_care', 'kind_grades', app.countyCode, today);
    const policy = parseCarePolicy(grades.textValue, kindGrades?.textValue);
    return careEligibility({ kind: app.certificateKind as DisabilityKind, grade: app.certificateGrade!, needsLongTermCare: app.needsLongTermCare === true }, policy);
  }
  const onRoll = await tx
    .select({ id: enrollments.id })
    .from(enrollments)
    .innerJoin(enrollmentMembers, and(eq(enrollmentMembers.enrollmentId, enrollments.id), eq(enrollmentMembers.memberId, app.memberId), eq(enrollmentMembers.active, true)))
    .where(and(eq(enrollments.householdId, app.householdId), eq(enrollments.program, 'dibao'), inArray(enrollments.status, ['active', 'suspended'])));
  const included = await standardInForce(tx, 'dis_living', 'near_dibao_included', app.countyCode, today);
  const nearDibaoIncluded = included?.intValue === 1;
  const nearDibao = onRoll.length === 0 && nearDibaoIncluded ? (await singleApplicantCheck(tx, { householdId: app.householdId, memberId: app.memberId }, today)).nearDibao : false;
  return livingEligibility({ onDibaoRoll: onRoll.length > 0, nearDibao }, { nearDibaoIncluded });
}

/**
 * 审批 by a supervisor who neither accepted nor verified the case. Approval checks eligibility
 * again on the decision date (certificate in force, the program's rule) and creates the
 * enrollment, paid from the month after at the amount in force; its next review is the yearly
 * certificate review. One open enrollment per member and program: a unique index.
 */
export async function decideSubsidyApplication(user: SessionUser, input: z.output<typeof decideSubsidySchema>, now: Date = new Date()) {
  assertCan(user, 'application.decide');
  const today = todayInChina(now);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const app = await loadSubsidyForUpdate(tx, user, input.applicationId);
    if (app.state !== 'verified' || app.version !== input.version) throw new AppError('conflict');
    if (app.acceptedBy === user.id) throw refuse('same_person', subsidyMessages.sameAcceptor, 'decision');
    if (app.verifiedBy === user.id) throw refuse('same_person', subsidyMessages.sameVerifier, 'decision');
    const set = async (values: Partial<typeof subsidyApplications.$inferInsert>) => {
      const [row] = await tx
        .update(subsidyApplications)
        .set({ ...values, decidedBy: user.id, decidedOn: today, version: sql`${subsidyApplications.version} + 1` })
        .where(and(eq(subsidyApplications.id, app.id), eq(subsidyApplications.version, input.version)))
        .returning();
      if (!row) throw new AppError('conflict');
      return row;
    };

    if (input.decision === 'refuse') {
      const application = await set({ state: 'refused', decisionReason: input.reason! });
      await auditSubsidyStep(tx, user, application, 'subsidy_application.refuse', { state: app.state }, { state: 'refused', decidedOn: today }, input.reason!);
      return { application, enrollmentId: null };
    }

    const [member] = await tx.select().from(members).where(eq(members.id, app.memberId)).for('update');
    const [household] = await tx.select().from(households).where(eq(households.id, app.householdId));
    if (!member || member.status !== 'active' || member.householdId !== app.householdId || household?.status !== 'active') {
      throw refuse('precondition', subsidyMessages.memberNotActive, 'decision');
    }
    if (certificateExpired(app.certificateValidUntil!, today)) throw refuse('precondition', subsidyMessages.certificateExpired(app.certificateValidUntil!), 'decision');
    const verdict = await eligibility(tx, app, today);
    if (!verdict.eligible) throw refuse('precondition', verdict.reason, 'decision');
    const amount = await standardInForce(tx, app.program, 'monthly', app.countyCode, today);
    if (amount?.amountFen == null) throw refuse('precondition', subsidyMessages.notConfigured(app.program === 'dis_care' ? '重度残疾人护理补贴' : '困难残疾人生活补贴'), 'decision');
    const startMonth = startMonthAfterDecision(today);
    const nextReviewOn = nextCertificateReview(today, app.certificateValidUntil!);

    let enrollmentId: string;
    try {
      // A savepoint: the unique index's refusal leaves the transaction usable for the answer.
      enrollmentId = await tx.transaction(async (sp) => {
        const [e] = await sp
          .insert(enrollments)
          .values({
            program: app.program,
            householdId: app.householdId,
            memberId: app.memberId,
            status: 'active',
            countyCode: app.countyCode,
            townshipCode: app.townshipCode,
            villageCode: app.villageCode,
            startMonth,
            statusReason: verdict.reason,
            nextReviewOn,
            createdBy: app.acceptedBy,
            decidedBy: user.id,
          })
          .returning({ id: enrollments.id });
        return e!.id;
      });
    } catch (e) {
      if (uniqueViolation(e) === 'enrollments_subsidy_member_uq') throw refuse('precondition', subsidyMessages.alreadyEnrolled, 'decision');
      throw e;
    }
    await tx.insert(enrollmentAmounts).values({
      enrollmentId,
      effectiveMonth: startMonth,
      amountFen: amount.amountFen,
      components: { [app.program]: amount.amountFen, reason: verdict.reason, subsidyApplicationId: app.id },
      approvedBy: user.id,
    });
    await tx.insert(enrollmentMembers).values({ enrollmentId, memberId: member.id, idNumber: member.idNumber, basicLiving: false });
    const application = await set({ state: 'approved', decisionReason: input.reason ?? null, amountFen: amount.amountFen, startMonth, enrollmentId });
    await auditSubsidyStep(tx, user, application, 'subsidy_application.approve', { state: app.state }, { state: 'approved', decidedOn: today, amountFen: amount.amountFen, startMonth, enrollmentId, nextReviewOn }, input.reason ?? null);
    return { application, enrollmentId };
  });
}
