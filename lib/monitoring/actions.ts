'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/authed-action';
import { alertOutcomeSchema } from './schemas';
import { setAlertOutcome } from './set-outcome';

export const setAlertOutcomeAction = authedAction(alertOutcomeSchema, async (user, input) => {
  const result = await setAlertOutcome(user, input);
  revalidatePath('/monitoring', 'layout');
  return result;
});
