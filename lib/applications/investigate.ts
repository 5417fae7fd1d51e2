import 'server-only';
import type { z } from 'zod';
import type { SessionUser } from '@/lib/auth/types';
import { assessApplication } from './assess';
import { assertMayApplyAlone } from './eligibility';
import { moveState, type Expected } from './load';
import { runStep } from './run-step';
import { checkStepDate } from './step-date';
import type { investigateSchema } from './schemas';

/**
 * 入户调查: two named investigators, date and findings; income and assets come from the
 * registry, and the system computes the amount with its working, line by line. The date follows
 * the rules of every step (./step-date.ts); `now` is the moment of entry.
 */
export function recordInvestigation(user: SessionUser, input: z.output<typeof investigateSchema>, now: Date = new Date()) {
  return runStep(user, 'application.write', input.applicationId, 'application.investigate', async (tx, app) => {
    const expected: Expected = { state: 'accepted', version: input.version };
    const late = await checkStepDate(tx, user, app, expected, 'investigate', 'investigatedOn', input.investigatedOn, input, now);
    if (app.kind === 'dibao_single') await assertMayApplyAlone(tx, app, input.investigatedOn, '_form');
    const assessment = await assessApplication(tx, app, input.investigatedOn);
    const application = await moveState(tx, app, expected, 'investigated', {
      investigators: [input.investigator1, input.investigator2],
      investigatedBy: user.id,
      investigatedOn: input.investigatedOn,
      findings: input.findings,
      computed: assessment,
    });
    return { application, audit: { investigators: [input.investigator1, input.investigator2], investigatedOn: input.investigatedOn, totalFen: assessment.totalFen, lateEntry: late } };
  });
}
