import 'server-only';
import type { z } from 'zod';
import type { SessionUser } from '@/lib/auth/types';
import { assessApplication } from './assess';
import { assertMayApplyAlone } from './eligibility';
import { moveState } from './load';
import { runStep } from './run-step';
import { assertStepDate } from './dates';
import { todayInChina } from '@/lib/core/time';
import type { investigateSchema } from './schemas';

/**
 * 入户调查: two named investigators, date and findings; income and assets come from the
 * registry, and the system computes the amount with its working, line by line.
 */
export function recordInvestigation(user: SessionUser, input: z.output<typeof investigateSchema>) {
  return runStep(user, 'application.write', input.applicationId, 'application.investigate', async (tx, app) => {
    assertStepDate('investigatedOn', input.investigatedOn, app.acceptedOn, todayInChina());
    if (app.kind === 'dibao_single') await assertMayApplyAlone(tx, app, input.investigatedOn, '_form');
    const assessment = await assessApplication(tx, app, input.investigatedOn);
    const application = await moveState(tx, app, { state: 'accepted', version: input.version }, 'investigated', {
      investigators: [input.investigator1, input.investigator2],
      investigatedBy: user.id,
      investigatedOn: input.investigatedOn,
      findings: input.findings,
      computed: assessment,
    });
    return { application, audit: { investigators: [input.investigator1, input.investigator2], totalFen: assessment.totalFen } };
  });
}
