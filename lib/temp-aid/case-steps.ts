import 'server-only';
import type { z } from 'zod';
import { households } from '@/db/schema';
import { assertStepDate } from '@/lib/applications/dates';
import { todayInChina } from '@/lib/core/time';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { publicNoticeEnd } from '@/lib/applications/flow';
import { eq } from 'drizzle-orm';
import { moveCase } from './load';
import { loadTempAidPolicy } from './policy';
import { needsPublicNotice } from './rules';
import { runCaseStep } from './run-case-step';
import type { accountSchema, caseNoticeSchema, investigateCaseSchema } from './schemas';

/**
 * The caseworker's written account of a first response and the documents gathered, which the
 * supervisor reviews before completing the case. It may be written again until the case is completed.
 */
export function submitAccount(user: SessionUser, input: z.output<typeof accountSchema>, now: Date = new Date()) {
  return runCaseStep(user, 'tempaid.write', input.caseId, 'tempaid.account', async (tx, c) => {
    if (c.kind !== 'first_response') throw new AppError('conflict');
    const aidCase = await moveCase(tx, c, { state: 'paid_awaiting_completion', version: input.version }, c.state, {
      account: input.account,
      documents: input.documents,
      accountBy: user.id,
      accountOn: todayInChina(now),
    });
    return { aidCase, audit: { documents: input.documents } };
  });
}

/**
 * 入户调查 of a 支出型 case: two named investigators, the date and what they found. Whether the
 * case must be publicly noticed before the decision follows from the amount (policy data).
 */
export function investigateCase(user: SessionUser, input: z.output<typeof investigateCaseSchema>, now: Date = new Date()) {
  return runCaseStep(user, 'tempaid.write', input.caseId, 'tempaid.investigate', async (tx, c) => {
    assertStepDate('investigatedOn', input.investigatedOn, c.openedOn, todayInChina(now));
    if (c.kind !== 'expenditure') throw new AppError('conflict');
    const [household] = await tx.select().from(households).where(eq(households.id, c.householdId));
    const policy = await loadTempAidPolicy(tx, household!, input.investigatedOn);
    const noticeRequired = needsPublicNotice(c.requestedFen, policy.noticeAboveFen);
    const aidCase = await moveCase(tx, c, { state: 'applied', version: input.version }, 'investigated', {
      investigators: [input.investigator1, input.investigator2],
      investigatedBy: user.id,
      investigatedOn: input.investigatedOn,
      findings: input.findings,
      noticeRequired,
    });
    return { aidCase, audit: { investigators: [input.investigator1, input.investigator2], noticeRequired } };
  });
}

/** 公示 of a 支出型 case in the village, for the configured number of days. */
export function startCaseNotice(user: SessionUser, input: z.output<typeof caseNoticeSchema>, now: Date = new Date()) {
  return runCaseStep(user, 'tempaid.write', input.caseId, 'tempaid.public_notice', async (tx, c) => {
    assertStepDate('noticeStart', input.noticeStart, c.investigatedOn, todayInChina(now));
    const [household] = await tx.select().from(households).where(eq(households.id, c.householdId));
    const policy = await loadTempAidPolicy(tx, household!, input.noticeStart);
    const noticeEnd = publicNoticeEnd(input.noticeStart, policy.noticeDays);
    const aidCase = await moveCase(tx, c, { state: 'investigated', version: input.version }, 'in_public_notice', { noticeStart: input.noticeStart, noticeEnd });
    return { aidCase, audit: { noticeStart: input.noticeStart, noticeEnd } };
  });
}
