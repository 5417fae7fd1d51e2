import 'server-only';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { households } from '@/db/schema';
import { todayInChina } from '@/lib/core/time';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { approvePayment, assertIndependent } from './approved-payment';
import { moveCase, type AidCase } from './load';
import { loadTempAidPolicy } from './policy';
import { checkAuthority } from './rules';
import { acknowledgeLateEntries } from '@/lib/late-entries/acknowledge';
import { runCaseStep } from './run-case-step';
import type { decideCaseSchema } from './schemas';
import { tempAidMessages } from './messages';

/** The states a case may be decided from: small fast aid at once; 支出型 after investigation and, where required, a finished notice. */
function assertReady(c: AidCase, today: string): void {
  if (c.kind === 'small_fast' && c.state === 'applied') return;
  if (c.kind === 'expenditure' && c.state === 'investigated') {
    if (c.noticeRequired) throw refuse('precondition', tempAidMessages.noticeFirst, 'decision');
    return;
  }
  if (c.kind === 'expenditure' && c.state === 'in_public_notice') {
    if (c.noticeEnd && today > c.noticeEnd) return;
    throw refuse('precondition', tempAidMessages.noticeRunning(c.noticeEnd), 'decision');
  }
  throw new AppError('conflict');
}

/**
 * The county's decision on small fast aid or a 支出型 case, by a supervisor who took no part in
 * it. Approval fixes the amount within the supervisor's authority (一事一议 above the normal
 * cap, the city above its threshold) and records the payment to be made.
 */
export function decideCase(user: SessionUser, input: z.output<typeof decideCaseSchema>, now: Date = new Date()) {
  const today = todayInChina(now);
  return runCaseStep(user, 'tempaid.decide', input.caseId, `tempaid.${input.decision}`, async (tx, c) => {
    if (c.version !== input.version) throw new AppError('conflict');
    assertReady(c, today);
    assertIndependent(user, c, 'decision');
    // Late entries (补录) of the case are decided on knowingly: the supervisor ticks that they checked them.
    const acknowledged = await acknowledgeLateEntries(tx, user, { kind: 'temp_aid_case', id: c.id, regionCode: c.villageCode }, input.lateAcknowledged, now);
    const expected = { state: c.state, version: input.version };

    if (input.decision === 'refuse') {
      const aidCase = await moveCase(tx, c, expected, 'refused', { decidedBy: user.id, decidedOn: today, decisionNote: input.reason! });
      return { aidCase, reason: input.reason, audit: { decision: 'refused', lateEntriesAcknowledged: acknowledged } };
    }

    const amountFen = input.amount ?? c.requestedFen;
    const [household] = await tx.select().from(households).where(eq(households.id, c.householdId));
    const policy = await loadTempAidPolicy(tx, household!, today);
    const allowed = checkAuthority({ role: user.role, regionLevel: user.regionLevel, kind: c.kind, step: 'decide', amountFen, caps: policy.caps });
    if (!allowed.ok) throw refuse('invalid_input', allowed.message, 'amount');
    if (allowed.oneCase && !input.oneCaseNote) throw refuse('invalid_input', tempAidMessages.needsOneCase, 'oneCaseNote');

    const aidCase = await moveCase(tx, c, expected, 'approved', {
      decidedBy: user.id,
      decidedOn: today,
      decisionNote: input.reason ?? null,
      approvedFen: amountFen,
      oneCaseNote: allowed.oneCase ? input.oneCaseNote : null,
    });
    const paymentId = await approvePayment(tx, user, aidCase, { purpose: 'approved', amountFen, method: input.method!, payeeName: input.payeeName!, today });
    return { aidCase, audit: { decision: 'approved', approvedFen: amountFen, oneCase: allowed.oneCase, paymentId, lateEntriesAcknowledged: acknowledged } };
  });
}
