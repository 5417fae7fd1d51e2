import 'server-only';
import { and, eq, inArray } from 'drizzle-orm';
import type { z } from 'zod';
import type { Tx } from '@/db/client';
import { enrollmentAmounts, enrollmentMembers, enrollments, members } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import { uniqueViolation } from '@/lib/db/errors';
import { AppError, refuse } from '@/lib/core/errors';
import { standardsInForce } from '@/lib/policy/standards';
import { decisionCheck, isPublicNoticeOver, publicNoticeEnd, startMonthAfterDecision } from '@/lib/applications/flow';
import { disabilitySubsidies } from '@/lib/programs/disability';
import { nextReviewDate } from '@/lib/programs/review';
import { assessApplication, type Assessment } from './assess';
import { moveState, type Application } from './load';
import { policyInt } from '@/lib/policy/values';
import { todayInChina } from '@/lib/core/time';
import { acknowledgeLateEntries } from '@/lib/late-entries/acknowledge';
import { assertStepDate, floorsOf } from './dates';
import { runStep } from './run-step';
import { issueNotice } from '@/lib/notices/issue';
import { noticeTexts } from '@/lib/notices/texts';
import type { decideSchema } from './schemas';
import { assertDibaoCoverable, assertMayApplyAlone } from './eligibility';
import { applicationMessages } from './messages';
import { verificationRefusal } from '@/lib/verification/gate';

/**
 * The county's decision, by a supervisor who took no part in the case. Approval fixes the amount
 * as of the decision date, starts payment the month after, and creates the enrollment, its
 * covered members (one basic-living program per person: a database constraint) and the
 * disability subsidies it makes members eligible for, proposed for confirmation. A case with
 * late entries (补录) is decided only with them acknowledged (lateAcknowledged), recorded on them.
 */
export function decideApplication(user: SessionUser, input: z.output<typeof decideSchema>, now: Date = new Date()) {
  const today = todayInChina(now);
  return runStep(user, 'application.decide', input.applicationId, `application.${input.decision}`, async (tx, app) => {
    if (app.state !== 'in_public_notice' || app.version !== input.version) throw new AppError('conflict');
    const noticeDays = await policyInt(tx, 'dibao', 'public_notice_days', app.countyCode, app.noticeStart!);
    if (!isPublicNoticeOver(app.noticeStart!, noticeDays, today)) {
      throw refuse('precondition', applicationMessages.noticeRunning(publicNoticeEnd(app.noticeStart!, noticeDays)), 'decision');
    }
    const allowed = decisionCheck(app, user.id);
    if (!allowed.ok) throw refuse(allowed.code === 'county_visit_required' ? 'precondition' : 'same_person', allowed.message, 'decision');
    // The decision is dated today: never before what it decides on (a clock set back would show here).
    assertStepDate('decision', today, floorsOf(app, 'decision'), today);
    // Late entries (补录) are decided on knowingly: the supervisor ticks that they checked them.
    const acknowledged = await acknowledgeLateEntries(tx, user, { kind: 'application', id: app.id, regionCode: app.villageCode }, input.lateAcknowledged, now);

    if (input.decision === 'refuse') {
      const application = await moveState(tx, app, { state: 'in_public_notice', version: input.version }, 'refused', {
        decidedBy: user.id,
        decidedOn: today,
        decisionReason: input.reason!,
      });
      const notice = await issueNotice(tx, user, { kind: 'refusal', householdId: app.householdId, villageCode: app.villageCode, applicationId: app.id, issuedOn: today, appeal: true, paragraphs: noticeTexts.refusal({ kind: app.kind, reason: input.reason! }) });
      return { application, reason: input.reason, audit: { decision: 'refused', lateEntriesAcknowledged: acknowledged, notices: [notice.number] } };
    }

    // Eligibility again where the money is decided: the household may have changed since the visit.
    await assertDibaoCoverable(tx, app, 'decision');
    if (app.kind === 'dibao_single') await assertMayApplyAlone(tx, app, today, 'decision');
    // 家庭经济状况核对: a verification with a breach, still open, withdrawn or expired refuses approval.
    const unverified = await verificationRefusal(tx, app, today);
    if (unverified) throw refuse('precondition', unverified, 'decision');
    const assessment = await assessApplication(tx, app, today);
    if (!assessment.eligible) {
      throw refuse('precondition', applicationMessages.notEligible, 'decision');
    }
    const startMonth = startMonthAfterDecision(today);
    const application = await moveState(tx, app, { state: 'in_public_notice', version: input.version }, 'approved', {
      decidedBy: user.id,
      decidedOn: today,
      decisionReason: input.reason ?? null,
      approvedAmountFen: assessment.totalFen,
      startMonth,
      computed: assessment,
    });
    const enrollmentId = await enroll(tx, user, application, assessment, startMonth, today);
    const notice = await issueNotice(tx, user, {
      kind: 'approval',
      householdId: app.householdId,
      villageCode: app.villageCode,
      applicationId: app.id,
      issuedOn: today,
      appeal: true,
      paragraphs: noticeTexts.approval({ kind: app.kind, startMonth, persons: assessment.coveredMemberIds.length, amountFen: assessment.totalFen, working: assessment.working }),
    });
    return { application, audit: { decision: 'approved', amountFen: assessment.totalFen, startMonth, enrollmentId, lateEntriesAcknowledged: acknowledged, notices: [notice.number] } };
  });
}

async function enroll(tx: Tx, user: SessionUser, app: Application, assessment: Assessment, startMonth: string, today: string): Promise<string> {
  const covered = await tx.select().from(members).where(and(eq(members.householdId, app.householdId), eq(members.status, 'active')));
  const coveredMembers = covered.filter((m) => assessment.coveredMemberIds.includes(m.id));
  const stable = !coveredMembers.some((m) => m.workingCapacity === 'full' || m.workingCapacity === 'partial') || assessment.program === 'tekun';
  const review = {
    stableMonths: await policyInt(tx, 'dibao', 'review_months_stable', app.countyCode, today),
    unstableMonths: await policyInt(tx, 'dibao', 'review_months_unstable', app.countyCode, today),
  };
  const base = {
    householdId: app.householdId,
    applicationId: app.id,
    countyCode: app.countyCode,
    townshipCode: app.townshipCode,
    villageCode: app.villageCode,
    startMonth,
    createdBy: app.createdBy,
  };
  const [enrollment] = await tx
    .insert(enrollments)
    .values({
      ...base,
      program: assessment.program,
      memberId: app.kind === 'dibao_household' ? null : app.memberId,
      status: 'active',
      decidedBy: user.id,
      reviewCycle: stable ? 'stable' : 'unstable',
      nextReviewOn: nextReviewDate(today, { stable }, review),
    })
    .returning({ id: enrollments.id });
  const id = enrollment!.id;
  await tx.insert(enrollmentAmounts).values({ enrollmentId: id, effectiveMonth: startMonth, amountFen: assessment.totalFen, components: assessment, approvedBy: user.id });
  try {
    await tx.insert(enrollmentMembers).values(coveredMembers.map((m) => ({ enrollmentId: id, memberId: m.id, idNumber: m.idNumber, basicLiving: true })));
  } catch (e) {
    if (uniqueViolation(e) === 'enrollment_members_basic_uq') {
      throw refuse('precondition', applicationMessages.alreadyCovered, 'decision');
    }
    throw e;
  }

  // Disability subsidies follow from dibao: proposed now, confirmed by a supervisor.
  if (assessment.program === 'dibao') {
    const policy = await standardsInForce(tx, 'dis_living', app.countyCode, today);
    const care = await standardsInForce(tx, 'dis_care', app.countyCode, today);
    const livingFen = policy.get('monthly')?.amountFen;
    const careFen = care.get('monthly')?.amountFen;
    if (livingFen != null && careFen != null) {
      for (const m of coveredMembers.filter((x) => x.disabilityGrade !== null)) {
        for (const s of disabilitySubsidies({ disabilityGrade: m.disabilityGrade, householdHasActiveDibao: true }, { livingFenPerMonth: livingFen, careFenPerMonth: careFen })) {
          if (!s.eligible) continue;
          // A member already receiving (or awaiting) the subsidy, e.g. applied for in its own right, keeps that one.
          const [open] = await tx
            .select({ id: enrollments.id })
            .from(enrollments)
            .where(and(eq(enrollments.memberId, m.id), eq(enrollments.program, s.program), inArray(enrollments.status, ['proposed', 'active', 'suspended'])));
          if (open) continue;
          const [sub] = await tx
            .insert(enrollments)
            .values({ ...base, program: s.program, memberId: m.id, status: 'proposed', statusReason: s.reason })
            .returning({ id: enrollments.id });
          await tx.insert(enrollmentAmounts).values({ enrollmentId: sub!.id, effectiveMonth: startMonth, amountFen: s.amountFen, components: { [s.program]: s.amountFen, reason: s.reason } });
          await tx.insert(enrollmentMembers).values({ enrollmentId: sub!.id, memberId: m.id, idNumber: m.idNumber, basicLiving: false });
        }
      }
    }
  }
  return id;
}
