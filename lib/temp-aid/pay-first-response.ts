import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb, type Db, type Tx } from '@/db/client';
import { members, tempAidCases, tempAidPayments } from '@/db/schema';
import { todayInChina } from '@/lib/core/time';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { refuse } from '@/lib/core/errors';
import { maskAccount } from '@/lib/households/mask';
import { insertHousehold, prepareRegistration, rethrowRegistrationConflict } from '@/lib/households/register-household';
import { loadCalendar } from '@/lib/policy/calendar';
import { addDays } from '@/lib/core/calendar-date';
import { drawFromFund } from './fund';
import { auditCase, lockHouseholdInScope, priorAidOf, type Household } from './load';
import { loadTempAidPolicy } from './policy';
import { checkAuthority, completionDeadline, sameCauseMessage, sameCausePrior } from './rules';
import type { FirstResponseInput } from './schemas';
import { tempAidMessages } from './messages';

/**
 * 先行救助: a caseworker pays at once, up to the configured cap, from the township's reserve
 * fund; the case then waits for the county to complete it by a deadline in working days. The
 * household may be registered in the same transaction. The case, the payment, the fund's ledger
 * line and the audit rows land together or not at all.
 */
export async function payFirstResponse(user: SessionUser, input: FirstResponseInput, now: Date = new Date()) {
  assertCan(user, 'tempaid.pay');
  const today = todayInChina(now);
  const village = input.newHousehold ? await prepareRegistration(user, input.newHousehold) : null;
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const householdId = village ? (await insertHousehold(tx, user, village, input.newHousehold!)).id : input.householdId!;
      const household = await lockHouseholdInScope(tx, user, householdId);
      return pay(tx, user, household, input, today);
    });
  } catch (e) {
    if (village) return rethrowRegistrationConflict(e, user, input.newHousehold!);
    throw e;
  }
}

async function pay(tx: Tx, user: SessionUser, household: Household, input: FirstResponseInput, today: string) {
  const policy = await loadTempAidPolicy(tx, household, today);
  const allowed = checkAuthority({ role: user.role, regionLevel: user.regionLevel, kind: 'first_response', step: 'pay', amountFen: input.amountFen, caps: policy.caps });
  if (!allowed.ok) throw refuse('invalid_input', allowed.message, 'amount');

  const same = sameCausePrior(await priorAidOf(tx, household.id), input.cause, today);
  if (same.length > 0 && !input.sameCauseNote) throw refuse('invalid_input', sameCauseMessage(same), 'sameCauseNote');
  const bank = bankSnapshot(household, input.method);

  const cal = await loadCalendar(tx as unknown as Db, today, addDays(today, 120));
  const deadlineOn = completionDeadline(today, policy.completionWorkingDays, cal);
  const [created] = await tx
    .insert(tempAidCases)
    .values({
      householdId: household.id,
      kind: 'first_response',
      cause: input.cause,
      narrative: input.narrative,
      state: 'paid_awaiting_completion',
      requestedFen: input.amountFen,
      approvedFen: input.amountFen,
      paidFen: input.amountFen,
      sameCauseFlag: same.length > 0,
      sameCauseNote: same.length > 0 ? input.sameCauseNote : null,
      countyCode: household.countyCode,
      townshipCode: household.townshipCode,
      villageCode: household.villageCode,
      createdBy: user.id,
      openedOn: today,
      deadlineOn,
      documents: input.documents,
    })
    .returning();
  const c = created!;
  const headName = await headNameOf(tx, household.id);
  const posted = await drawFromFund(tx, user, 'draw', { townshipCode: household.townshipCode, amountFen: input.amountFen, caseId: c.id, note: `先行救助 ${headName}户`, occurredOn: today, field: 'amount' });
  const [payment] = await tx
    .insert(tempAidPayments)
    .values({
      caseId: c.id,
      householdId: household.id,
      purpose: 'first_response',
      amountFen: input.amountFen,
      method: input.method,
      payeeName: input.payeeName,
      receiptNo: input.method === 'cash' ? input.receiptNo : null,
      ...bank,
      status: 'paid',
      month: today.slice(0, 7),
      approvedBy: user.id,
      approvedOn: today,
      paidBy: user.id,
      paidOn: today,
      ledgerId: posted.ledgerId,
      countyCode: household.countyCode,
      townshipCode: household.townshipCode,
      villageCode: household.villageCode,
    })
    .returning({ id: tempAidPayments.id });
  await auditCase(tx, user, c, {
    action: 'tempaid.first_response',
    after: {
      cause: input.cause,
      amountFen: input.amountFen,
      method: input.method,
      payeeName: input.payeeName,
      receiptNo: input.receiptNo ?? null,
      bankAccount: maskAccount(bank.bankAccount),
      deadlineOn,
      sameCauseFlag: same.length > 0,
      fundBalanceAfterFen: posted.balanceAfterFen,
    },
    reason: same.length > 0 ? (input.sameCauseNote ?? null) : null,
  });
  return { id: c.id, householdId: household.id, paymentId: payment!.id, deadlineOn, balanceAfterFen: posted.balanceAfterFen };
}

/**
 * A bank transfer goes to the household's registered account, as it is at the moment of payment,
 * and only once a change of that account has been confirmed by a second person.
 */
export function bankSnapshot(household: Household, method: 'bank' | 'cash', field = 'method') {
  if (method === 'cash') return { bankName: null, bankAccount: null, bankAccountHolder: null };
  if (!household.bankAccount) throw refuse('precondition', tempAidMessages.noAccount, field);
  if (household.accountChangeId) throw refuse('precondition', tempAidMessages.accountChangePending, field);
  return { bankName: household.bankName, bankAccount: household.bankAccount, bankAccountHolder: household.bankAccountHolder };
}

export async function headNameOf(tx: Tx, householdId: string): Promise<string> {
  const [head] = await tx
    .select({ name: members.name })
    .from(members)
    .where(and(eq(members.householdId, householdId), eq(members.isHead, true), eq(members.status, 'active')));
  return head?.name ?? '';
}
