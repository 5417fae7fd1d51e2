import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { households, tempAidPayments } from '@/db/schema';
import { todayInChina } from '@/lib/core/time';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { maskAccount } from '@/lib/households/mask';
import { runLinesOf } from './bank-run';
import { heldMessage, holdingMonth } from './bank-run-rules';
import { drawFromFund } from './fund';
import { moveCase } from './load';
import { bankSnapshot, headNameOf } from './pay-first-response';
import { runCaseStep } from './run-case-step';
import { checkCaseDate, openingOf } from './step-date';
import type { payApprovedSchema } from './schemas';
import { isUuid } from '@/lib/core/uuid';
import { tempAidMessages } from './messages';

/**
 * A caseworker pays money the county approved (small fast aid, a 支出型 case, a follow-up after
 * completion) from the township's fund: the payment, its ledger line and the case move together,
 * and a payment already made cannot be made again. A bank transfer that an approved payout run
 * holds is the bank's to pay, not the fund's.
 */
export async function payApproved(user: SessionUser, input: z.output<typeof payApprovedSchema>, now: Date = new Date()) {
  assertCan(user, 'tempaid.pay');
  const today = todayInChina(now);
  if (!isUuid(input.paymentId)) throw new AppError('not_found');
  const db = await getDb();
  const [ref] = await db.select({ caseId: tempAidPayments.caseId }).from(tempAidPayments).where(eq(tempAidPayments.id, input.paymentId));
  if (!ref) throw new AppError('not_found');
  return runCaseStep(user, 'tempaid.pay', ref.caseId, 'tempaid.pay', async (tx, c) => {
    const [p] = await tx.select().from(tempAidPayments).where(eq(tempAidPayments.id, input.paymentId)).for('update');
    if (!p || p.status !== 'approved') throw new AppError('conflict');
    // The payment row is locked: a run being approved (which locks it too) is either already
    // visible here, or waits and then finds the payment paid and refuses (lib/payouts/approve-run.ts).
    const held = p.method === 'bank' ? holdingMonth((await runLinesOf(tx, [p.id])).get(p.id) ?? []) : null;
    if (held) throw refuse('precondition', heldMessage(held));
    if (!(c.state === 'approved' || (c.state === 'completed' && p.purpose === 'follow_up'))) throw new AppError('conflict');
    if (p.method === 'cash' && !input.receiptNo) throw refuse('invalid_input', tempAidMessages.cashReceipt, 'receiptNo');
    const [household] = await tx.select().from(households).where(eq(households.id, c.householdId));
    const bank = bankSnapshot(household!, p.method, 'receiptNo');
    // The day the money was handed over (a receipt's day): not before the case opened nor the approval.
    const paidOn = input.paidOn ?? today;
    const floors = [openingOf(c), { label: '批准日', date: p.approvedOn }];
    const late = await checkCaseDate(tx, user, c, 'tempaid_payment', 'paidOn', paidOn, floors, input, now);

    const posted = await drawFromFund(tx, user, 'draw', {
      townshipCode: c.townshipCode,
      amountFen: p.amountFen,
      caseId: c.id,
      note: `临时救助 ${await headNameOf(tx, c.householdId)}户`,
      occurredOn: paidOn,
      field: 'receiptNo',
    });
    await tx
      .update(tempAidPayments)
      .set({ status: 'paid', paidBy: user.id, paidOn, ledgerId: posted.ledgerId, receiptNo: p.method === 'cash' ? input.receiptNo : null, ...bank })
      .where(and(eq(tempAidPayments.id, p.id), eq(tempAidPayments.status, 'approved')));
    // The case row is locked: its paid total cannot move under us.
    const aidCase = await moveCase(tx, c, { state: c.state, version: c.version }, c.state === 'approved' ? 'paid' : c.state, { paidFen: c.paidFen + p.amountFen });
    return {
      aidCase,
      audit: {
        paymentId: p.id,
        amountFen: p.amountFen,
        method: p.method,
        paidOn,
        receiptNo: input.receiptNo ?? null,
        bankAccount: maskAccount(bank.bankAccount),
        fundBalanceAfterFen: posted.balanceAfterFen,
        lateEntry: late,
      },
    };
  });
}
