import 'server-only';
import type { z } from 'zod';
import { applicationObjections } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import { refuse } from '@/lib/core/errors';
import { publicNoticeEnd } from '@/lib/applications/flow';
import { moveState, type Expected } from './load';
import { runStep } from './run-step';
import { issueNotice } from '@/lib/notices/issue';
import { noticeTexts } from '@/lib/notices/texts';
import type { acceptSchema, notAcceptSchema, countyVisitSchema, objectionSchema, publicNoticeSchema, townshipOpinionSchema } from './schemas';
import { policyInt } from '@/lib/policy/values';
import { checkStepDate } from './step-date';
import { assertDibaoCoverable } from './eligibility';
import { applicationMessages } from './messages';

// Every step's date: not after today, not before the step it follows nor the registration, and
// a late entry (补录) with its reason when entered late (./step-date.ts). `now` is the moment of entry.

/** 受理: one notice lists every missing document. */
export function acceptApplication(user: SessionUser, input: z.output<typeof acceptSchema>, now: Date = new Date()) {
  return runStep(user, 'application.write', input.applicationId, 'application.accept', async (tx, app) => {
    const expected: Expected = { state: 'draft', version: input.version };
    const late = await checkStepDate(tx, user, app, expected, 'accept', 'acceptedOn', input.acceptedOn, input, now);
    await assertDibaoCoverable(tx, app, '_form');
    const application = await moveState(tx, app, expected, 'accepted', {
      acceptedBy: user.id,
      acceptedOn: input.acceptedOn,
      missingDocuments: input.missingDocuments,
    });
    // 受理通知书, and when papers are missing the one 补正告知书 that lists them all: issued with the step.
    const notice = { householdId: app.householdId, villageCode: app.villageCode, applicationId: app.id, issuedOn: input.acceptedOn, byTownship: true };
    const issued = [await issueNotice(tx, user, { ...notice, kind: 'acceptance', paragraphs: noticeTexts.acceptance({ kind: app.kind, acceptedOn: input.acceptedOn }) })];
    if (input.missingDocuments.length) issued.push(await issueNotice(tx, user, { ...notice, kind: 'correction', paragraphs: noticeTexts.correction({ kind: app.kind, missing: input.missingDocuments }) }));
    return {
      application,
      audit: { acceptedOn: input.acceptedOn, missingDocuments: input.missingDocuments, lateEntry: late, notices: issued.map((n) => n.number) },
    };
  });
}

/**
 * 不予受理: the township declines to take the application up, in writing — the 不予受理通知书 with
 * the reason and the appeal rights, issued with the step. Dated like 受理 (not before the
 * registration, a late entry with its reason). The case is closed.
 */
export function refuseAcceptance(user: SessionUser, input: z.output<typeof notAcceptSchema>, now: Date = new Date()) {
  return runStep(user, 'application.write', input.applicationId, 'application.not_accept', async (tx, app) => {
    const expected: Expected = { state: 'draft', version: input.version };
    const late = await checkStepDate(tx, user, app, expected, 'accept', 'notAcceptedOn', input.notAcceptedOn, input, now);
    const application = await moveState(tx, app, expected, 'not_accepted', { decidedBy: user.id, decidedOn: input.notAcceptedOn, decisionReason: input.reason });
    const notice = await issueNotice(tx, user, {
      kind: 'non_acceptance',
      householdId: app.householdId,
      villageCode: app.villageCode,
      applicationId: app.id,
      issuedOn: input.notAcceptedOn,
      byTownship: true,
      appeal: true,
      paragraphs: noticeTexts.nonAcceptance({ kind: app.kind, reason: input.reason }),
    });
    return { application, audit: { notAcceptedOn: input.notAcceptedOn, reason: input.reason, lateEntry: late, notices: [notice.number] } };
  });
}

/** 乡镇审核意见 after the investigation. */
export function recordTownshipOpinion(user: SessionUser, input: z.output<typeof townshipOpinionSchema>, now: Date = new Date()) {
  return runStep(user, 'application.write', input.applicationId, 'application.township_opinion', async (tx, app) => {
    const expected: Expected = { state: 'investigated', version: input.version };
    const late = await checkStepDate(tx, user, app, expected, 'township_opinion', 'reviewedOn', input.reviewedOn, input, now);
    return {
      application: await moveState(tx, app, expected, 'township_reviewed', {
        townshipOpinion: input.opinion,
        townshipReviewedBy: user.id,
        townshipReviewedOn: input.reviewedOn,
      }),
      audit: { opinion: input.opinion, reviewedOn: input.reviewedOn, lateEntry: late },
    };
  });
}

/**
 * 公示 in the village for the configured number of days, counted from its stated start (a late
 * entry does not move it): the county decides only after it has run in full.
 */
export function startPublicNotice(user: SessionUser, input: z.output<typeof publicNoticeSchema>, now: Date = new Date()) {
  return runStep(user, 'application.write', input.applicationId, 'application.public_notice', async (tx, app) => {
    const expected: Expected = { state: 'township_reviewed', version: input.version };
    const late = await checkStepDate(tx, user, app, expected, 'public_notice', 'noticeStart', input.noticeStart, input, now);
    const days = await policyInt(tx, 'dibao', 'public_notice_days', app.countyCode, input.noticeStart);
    const noticeEnd = publicNoticeEnd(input.noticeStart, days);
    return {
      application: await moveState(tx, app, expected, 'in_public_notice', {
        noticeStart: input.noticeStart,
        noticeEnd,
      }),
      audit: { noticeStart: input.noticeStart, noticeEnd, lateEntry: late },
    };
  });
}

/** An objection during public notice sends the case back to investigation. */
export function recordObjection(user: SessionUser, input: z.output<typeof objectionSchema>, now: Date = new Date()) {
  return runStep(user, 'application.write', input.applicationId, 'application.objection', async (tx, app) => {
    const expected: Expected = { state: 'in_public_notice', version: input.version };
    const late = await checkStepDate(tx, user, app, expected, 'objection', 'raisedOn', input.raisedOn, input, now);
    const application = await moveState(tx, app, expected, 'investigated', {
      noticeStart: null,
      noticeEnd: null,
      townshipOpinion: null,
    });
    await tx.insert(applicationObjections).values({ applicationId: app.id, raisedOn: input.raisedOn, content: input.content, recordedBy: user.id });
    return { application, audit: { objection: input.content, raisedOn: input.raisedOn, lateEntry: late }, reason: input.content };
  });
}

/** 县级入户核查, required before deciding on a close relative of staff (近亲属备案). */
export function recordCountyVisit(user: SessionUser, input: z.output<typeof countyVisitSchema>, now: Date = new Date()) {
  return runStep(user, 'application.decide', input.applicationId, 'application.county_visit', async (tx, app) => {
    if (!app.closeRelative) throw refuse('precondition', applicationMessages.countyVisitNotNeeded, 'notes');
    const expected: Expected = { state: ['investigated', 'township_reviewed', 'in_public_notice'], version: input.version };
    const late = await checkStepDate(tx, user, app, expected, 'county_visit', 'visitedOn', input.visitedOn, input, now);
    return {
      application: await moveState(tx, app, expected, app.state, {
        countyVisitBy: user.id,
        countyVisitOn: input.visitedOn,
        countyVisitNotes: input.notes,
      }),
      audit: { countyVisitOn: input.visitedOn, lateEntry: late },
    };
  });
}
