import 'server-only';
import type { z } from 'zod';
import { households } from '@/db/schema';
import { todayInChina } from '@/lib/core/time';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { publicNoticeEnd } from '@/lib/applications/flow';
import { eq } from 'drizzle-orm';
import { moveCase } from './load';
import { loadTempAidPolicy } from './policy';
import { needsPublicNotice } from './rules';
import { runCaseStep } from './run-case-step';
import { checkCaseDate, openingOf } from './step-date';
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
 * Its date follows the case's opening, and a late entry carries its reason (./step-date.ts).
 */
export function investigateCase(user: SessionUser, input: z.output<typeof investigateCaseSchema>, now: Date = new Date()) {
  return runCaseStep(user, 'tempaid.write', input.caseId, 'tempaid.investigate', async (tx, c) => {
    if (c.kind !== 'expenditure' || c.state !== 'applied' || c.version !== input.version) throw new AppError('conflict');
    const late = await checkCaseDate(tx, user, c, 'tempaid_investigate', 'investigatedOn', input.investigatedOn, [openingOf(c)], input, now);
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
    return { aidCase, audit: { investigators: [input.investigator1, input.investigator2], investigatedOn: input.investigatedOn, noticeRequired, lateEntry: late } };
  });
}

/** 公示 of a 支出型 case in the village, for the configured number of days counted from its stated start. */
export function startCaseNotice(user: SessionUser, input: z.output<typeof caseNoticeSchema>, now: Date = new Date()) {
  return runCaseStep(user, 'tempaid.write', input.caseId, 'tempaid.public_notice', async (tx, c) => {
    if (c.state !== 'investigated' || c.version !== input.version) throw new AppError('conflict');
    const floors = [openingOf(c), { label: '入户调查日', date: c.investigatedOn }];
    const late = await checkCaseDate(tx, user, c, 'tempaid_notice', 'noticeStart', input.noticeStart, floors, input, now);
    const [household] = await tx.select().from(households).where(eq(households.id, c.householdId));
    const policy = await loadTempAidPolicy(tx, household!, input.noticeStart);
    const noticeEnd = publicNoticeEnd(input.noticeStart, policy.noticeDays);
    const aidCase = await moveCase(tx, c, { state: 'investigated', version: input.version }, 'in_public_notice', { noticeStart: input.noticeStart, noticeEnd });
    return { aidCase, audit: { noticeStart: input.noticeStart, noticeEnd, lateEntry: late } };
  });
}
