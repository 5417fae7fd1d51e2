'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/authed-action';
import { alertOutcomeSchema, assignOwnerSchema, monitoredFlagSchema } from './schemas';
import { assignAlertOwner, setMonitoredFlag } from './population';
import { setAlertOutcome } from './set-outcome';

export const setAlertOutcomeAction = authedAction(alertOutcomeSchema, async (user, input) => {
  const result = await setAlertOutcome(user, input);
  revalidatePath('/monitoring', 'layout');
  return result;
});

export const setMonitoredFlagAction = authedAction(monitoredFlagSchema, async (user, input) => {
  const result = await setMonitoredFlag(user, input);
  revalidatePath('/monitoring', 'layout');
  revalidatePath(`/households/${input.householdId}`);
  return result;
});

export const assignAlertOwnerAction = authedAction(assignOwnerSchema, async (user, input) => {
  const result = await assignAlertOwner(user, input);
  revalidatePath('/monitoring', 'layout');
  return result;
});
