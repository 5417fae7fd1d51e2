import 'server-only';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { households } from '@/db/schema';
import { todayInChina } from '@/lib/core/time';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { formatFen } from '@/lib/core/format';
import { approvePayment, assertIndependent } from './approved-payment';
import { moveCase } from './load';
import { loadTempAidPolicy } from './policy';
import { checkAuthority } from './rules';
import { runCaseStep } from './run-case-step';
import type { completeSchema } from './schemas';
import { tempAidMessages } from './messages';

/**
 * The county completes a first response (办结) with the caseworker's written account in hand:
 * confirmed, possibly with a follow-up payment (the total then within the supervisor's authority),
 * or found improper, the amount paid then due for recovery.
 */
export function completeCase(user: SessionUser, input: z.output<typeof completeSchema>, now: Date = new Date()) {
  const today = todayInChina(now);
  return runCaseStep(user, 'tempaid.complete', input.caseId, input.outcome === 'improper' ? 'tempaid.improper' : 'tempaid.complete', async (tx, c) => {
    if (c.kind !== 'first_response' || c.state !== 'paid_awaiting_completion' || c.version !== input.version) throw new AppError('conflict');
    assertIndependent(user, c, 'outcome');
    if (!c.accountOn) throw refuse('precondition', tempAidMessages.accountMissing, 'outcome');

    if (input.outcome === 'improper') {
      const aidCase = await moveCase(tx, c, { state: 'paid_awaiting_completion', version: input.version }, 'improper_recovery', {
        completedBy: user.id,
        completedOn: today,
        completionNote: input.note,
        recoveryDueFen: c.paidFen,
      });
      return { aidCase, reason: input.note, audit: { outcome: 'improper', recoveryDueFen: c.paidFen } };
    }

    let paymentId: string | null = null;
    if (input.followUp) {
      const [household] = await tx.select().from(households).where(eq(households.id, c.householdId));
      const policy = await loadTempAidPolicy(tx, household!, today);
      const total = c.paidFen + input.followUp;
      const allowed = checkAuthority({ role: user.role, regionLevel: user.regionLevel, kind: 'first_response', step: 'decide', amountFen: total, caps: policy.caps });
      if (!allowed.ok) throw refuse('invalid_input', tempAidMessages.followUpOverCap(formatFen(total), allowed.message), 'followUp');
      if (allowed.oneCase && !input.oneCaseNote) {
        throw refuse('invalid_input', tempAidMessages.totalNeedsOneCase, 'oneCaseNote');
      }
    }
    const aidCase = await moveCase(tx, c, { state: 'paid_awaiting_completion', version: input.version }, 'completed', {
      completedBy: user.id,
      completedOn: today,
      completionNote: input.note,
      followUpFen: input.followUp ?? null,
      approvedFen: c.paidFen + (input.followUp ?? 0),
      oneCaseNote: input.followUp ? (input.oneCaseNote ?? null) : null,
    });
    if (input.followUp) {
      paymentId = await approvePayment(tx, user, aidCase, { purpose: 'follow_up', amountFen: input.followUp, method: input.method!, payeeName: input.payeeName!, today });
    }
    return { aidCase, audit: { outcome: 'confirmed', followUpFen: input.followUp ?? null, paymentId } };
  });
}
