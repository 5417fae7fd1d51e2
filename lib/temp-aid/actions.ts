'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/actions/authed-action';
import { applyForAid } from '@/lib/temp-aid/apply';
import { investigateCase, startCaseNotice, submitAccount } from '@/lib/temp-aid/case-steps';
import { completeCase } from '@/lib/temp-aid/complete-case';
import { decideCase } from '@/lib/temp-aid/decide-case';
import { moveFunds } from '@/lib/temp-aid/move-funds';
import { payApproved } from '@/lib/temp-aid/pay-approved';
import { payFirstResponse } from '@/lib/temp-aid/pay-first-response';
import { recordRecovery } from '@/lib/temp-aid/record-recovery';
import {
  accountSchema,
  applySchema,
  caseNoticeSchema,
  completeSchema,
  decideCaseSchema,
  firstResponseSchema,
  fundMovementSchema,
  investigateCaseSchema,
  payApprovedSchema,
  recoverySchema,
} from '@/lib/temp-aid/schemas';

const done = (c: { id: string; householdId: string }) => {
  revalidatePath(`/temp-aid/${c.id}`);
  revalidatePath('/temp-aid');
  revalidatePath(`/households/${c.householdId}`);
  return { id: c.id };
};

export const firstResponseAction = authedAction(firstResponseSchema, async (user, input) => {
  const { id } = await payFirstResponse(user, input);
  revalidatePath('/temp-aid/funds');
  redirect(`/temp-aid/${id}?paid=1`);
});
export const applyAction = authedAction(applySchema, async (user, input) => {
  const { id } = await applyForAid(user, input);
  redirect(`/temp-aid/${id}`);
});
export const accountAction = authedAction(accountSchema, async (user, input) => done((await submitAccount(user, input)).aidCase));
export const completeAction = authedAction(completeSchema, async (user, input) => done((await completeCase(user, input)).aidCase));
export const investigateCaseAction = authedAction(investigateCaseSchema, async (user, input) => done((await investigateCase(user, input)).aidCase));
export const caseNoticeAction = authedAction(caseNoticeSchema, async (user, input) => done((await startCaseNotice(user, input)).aidCase));
export const decideCaseAction = authedAction(decideCaseSchema, async (user, input) => done((await decideCase(user, input)).aidCase));
export const payApprovedAction = authedAction(payApprovedSchema, async (user, input) => {
  revalidatePath('/temp-aid/funds');
  return done((await payApproved(user, input)).aidCase);
});
export const recoveryAction = authedAction(recoverySchema, async (user, input) => {
  revalidatePath('/temp-aid/funds');
  return done((await recordRecovery(user, input)).aidCase);
});
export const fundMovementAction = authedAction(fundMovementSchema, async (user, input) => {
  const posted = await moveFunds(user, input);
  revalidatePath('/temp-aid/funds');
  revalidatePath(`/temp-aid/funds/${posted.fundId}`);
  return { balanceAfterFen: posted.balanceAfterFen };
});
