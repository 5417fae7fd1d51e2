'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/authed-action';
import { addAdjustment } from '@/lib/payouts/add-adjustment';
import { approveRun } from '@/lib/payouts/approve-run';
import { cancelAdjustment } from '@/lib/payouts/cancel-adjustment';
import { confirmAccount } from '@/lib/payouts/confirm-account';
import { declarePriceSubsidy } from '@/lib/payouts/declare-price-subsidy';
import { regenerateRun } from '@/lib/payouts/regenerate-run';
import { resolveFlag } from '@/lib/payouts/resolve-flag';
import { adjustmentSchema, approveRunSchema, cancelAdjustmentSchema, confirmAccountSchema, priceSubsidySchema, resolveFlagSchema, runRefSchema, startRunSchema } from '@/lib/payouts/schemas';
import { startRun } from '@/lib/payouts/start-run';

export const startRunAction = authedAction(startRunSchema, async (user, input) => {
  const result = await startRun(user, input);
  revalidatePath('/payouts', 'layout');
  return result;
});

export const regenerateRunAction = authedAction(runRefSchema, async (user, input) => {
  const result = await regenerateRun(user, input);
  revalidatePath('/payouts', 'layout');
  return result;
});

export const approveRunAction = authedAction(approveRunSchema, async (user, input) => {
  const result = await approveRun(user, input);
  revalidatePath('/payouts', 'layout');
  return result;
});

export const addAdjustmentAction = authedAction(adjustmentSchema, async (user, input) => {
  const result = await addAdjustment(user, input);
  revalidatePath('/households', 'layout');
  revalidatePath('/payouts', 'layout');
  return result;
});

// Role and the enrollment's region are checked inside cancelAdjustment, as for adding one.
export const cancelAdjustmentAction = authedAction(cancelAdjustmentSchema, async (user, input) => {
  const result = await cancelAdjustment(user, input);
  revalidatePath('/households', 'layout');
  revalidatePath('/payouts', 'layout');
  return result;
});

export const confirmAccountAction = authedAction(confirmAccountSchema, async (user, input) => {
  const result = await confirmAccount(user, input);
  revalidatePath('/payouts', 'layout');
  revalidatePath('/households', 'layout');
  return result;
});

export const declarePriceSubsidyAction = authedAction(priceSubsidySchema, async (user, input) => {
  const result = await declarePriceSubsidy(user, input);
  revalidatePath('/payouts', 'layout');
  return result;
});

export const resolveFlagAction = authedAction(resolveFlagSchema, async (user, input) => {
  const result = await resolveFlag(user, input);
  revalidatePath('/payouts', 'layout');
  return result;
});
