'use server';

import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/actions/authed-action';
import { registerHousehold } from '@/lib/households/register-household';
import { householdInputSchema } from '@/lib/households/schemas';

export const registerHouseholdAction = authedAction(householdInputSchema, async (user, input) => {
  const { id } = await registerHousehold(user, input);
  redirect(`/households/${id}?registered=1`);
});
