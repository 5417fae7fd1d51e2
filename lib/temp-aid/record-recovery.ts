import 'server-only';
import type { z } from 'zod';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { formatFen } from '@/lib/core/format';
import { todayInChina } from '@/lib/core/time';
import { creditFund } from './fund';
import { moveCase } from './load';
import { runCaseStep } from './run-case-step';
import type { recoverySchema } from './schemas';
import { tempAidMessages } from './messages';

/**
 * Money recovered from a first response found improper goes back into the township's fund, with
 * its ledger line; the case is closed as recovered once the whole amount is back.
 */
export function recordRecovery(user: SessionUser, input: z.output<typeof recoverySchema>, now: Date = new Date()) {
  return runCaseStep(user, 'tempaid.pay', input.caseId, 'tempaid.recovery', async (tx, c) => {
    if (c.state !== 'improper_recovery' || c.version !== input.version) throw new AppError('conflict');
    const outstanding = (c.recoveryDueFen ?? 0) - c.recoveredFen;
    if (input.amount > outstanding) throw refuse('invalid_input', tempAidMessages.recoveryTooMuch(formatFen(outstanding)), 'amount');
    const posted = await creditFund(tx, user, 'recovery', { townshipCode: c.townshipCode, countyCode: c.countyCode, amountFen: input.amount, caseId: c.id, note: input.note, occurredOn: todayInChina(now), field: 'amount' });
    const recoveredFen = c.recoveredFen + input.amount;
    const aidCase = await moveCase(tx, c, { state: 'improper_recovery', version: input.version }, recoveredFen === c.recoveryDueFen ? 'recovered' : 'improper_recovery', { recoveredFen });
    return { aidCase, reason: input.note, audit: { recoveredFen: input.amount, totalRecoveredFen: recoveredFen, fundBalanceAfterFen: posted.balanceAfterFen } };
  });
}
