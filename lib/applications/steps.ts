import 'server-only';
import type { z } from 'zod';
import { applicationObjections } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import { refuse } from '@/lib/core/errors';
import { publicNoticeEnd } from '@/lib/applications/flow';
import { moveState } from './load';
import { runStep } from './run-step';
import type { acceptSchema, countyVisitSchema, objectionSchema, publicNoticeSchema, townshipOpinionSchema } from './schemas';
import { policyInt } from '@/lib/policy/values';
import { assertStepDate } from './dates';
import { todayInChina } from '@/lib/core/time';
import { assertDibaoCoverable } from './eligibility';
import { applicationMessages } from './messages';

/** 受理: one notice lists every missing document. */
export function acceptApplication(user: SessionUser, input: z.output<typeof acceptSchema>) {
  // A paper application may have been received before it was entered: only the future is refused.
  return runStep(user, 'application.write', input.applicationId, 'application.accept', async (tx, app) => {
    assertStepDate('acceptedOn', input.acceptedOn, null, todayInChina());
    await assertDibaoCoverable(tx, app, '_form');
    return {
      application: await moveState(tx, app, { state: 'draft', version: input.version }, 'accepted', {
        acceptedBy: user.id,
        acceptedOn: input.acceptedOn,
        missingDocuments: input.missingDocuments,
      }),
      audit: { missingDocuments: input.missingDocuments },
    };
  });
}

/** 乡镇审核意见 after the investigation. */
export function recordTownshipOpinion(user: SessionUser, input: z.output<typeof townshipOpinionSchema>) {
  return runStep(user, 'application.write', input.applicationId, 'application.township_opinion', async (tx, app) => {
    assertStepDate('reviewedOn', input.reviewedOn, app.investigatedOn, todayInChina());
    return {
      application: await moveState(tx, app, { state: 'investigated', version: input.version }, 'township_reviewed', {
        townshipOpinion: input.opinion,
        townshipReviewedBy: user.id,
        townshipReviewedOn: input.reviewedOn,
      }),
      audit: { opinion: input.opinion },
    };
  });
}

/** 公示 in the village for the configured number of days. */
export function startPublicNotice(user: SessionUser, input: z.output<typeof publicNoticeSchema>) {
  return runStep(user, 'application.write', input.applicationId, 'application.public_notice', async (tx, app) => {
    assertStepDate('noticeStart', input.noticeStart, app.townshipReviewedOn, todayInChina());
    const days = await policyInt(tx, 'dibao', 'public_notice_days', app.countyCode, input.noticeStart);
    const noticeEnd = publicNoticeEnd(input.noticeStart, days);
    return {
      application: await moveState(tx, app, { state: 'township_reviewed', version: input.version }, 'in_public_notice', {
        noticeStart: input.noticeStart,
        noticeEnd,
      }),
      audit: { noticeStart: input.noticeStart, noticeEnd },
    };
  });
}

/** An objection during public notice sends the case back to investigation. */
export function recordObjection(user: SessionUser, input: z.output<typeof objectionSchema>) {
  return runStep(user, 'application.write', input.applicationId, 'application.objection', async (tx, app) => {
    assertStepDate('raisedOn', input.raisedOn, app.noticeStart, todayInChina());
    const application = await moveState(tx, app, { state: 'in_public_notice', version: input.version }, 'investigated', {
      noticeStart: null,
      noticeEnd: null,
      townshipOpinion: null,
    });
    await tx.insert(applicationObjections).values({ applicationId: app.id, raisedOn: input.raisedOn, content: input.content, recordedBy: user.id });
    return { application, audit: { objection: input.content }, reason: input.content };
  });
}

/** 县级入户核查, required before deciding on a close relative of staff (近亲属备案). */
export function recordCountyVisit(user: SessionUser, input: z.output<typeof countyVisitSchema>) {
  return runStep(user, 'application.decide', input.applicationId, 'application.county_visit', async (tx, app) => {
    assertStepDate('visitedOn', input.visitedOn, app.acceptedOn, todayInChina());
    if (!app.closeRelative) throw refuse('precondition', applicationMessages.countyVisitNotNeeded, 'notes');
    return {
      application: await moveState(tx, app, { state: ['investigated', 'township_reviewed', 'in_public_notice'], version: input.version }, app.state, {
        countyVisitBy: user.id,
        countyVisitOn: input.visitedOn,
        countyVisitNotes: input.notes,
      }),
      audit: { countyVisitOn: input.visitedOn },
    };
  });
}
