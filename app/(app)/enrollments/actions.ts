'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/authed-action';
import { decideChange } from '@/lib/enrollments/decide-change';
import { proposeChange } from '@/lib/enrollments/propose-change';
import { decideChangeSchema, proposeChangeSchema } from '@/lib/enrollments/schemas';

export const proposeChangeAction = authedAction(proposeChangeSchema, async (user, input) => {
  const result = await proposeChange(user, input);
  revalidatePath('/enrollments');
  revalidatePath('/households', 'layout');
  return result;
});

export const decideChangeAction = authedAction(decideChangeSchema, async (user, input) => {
  const result = await decideChange(user, input);
  revalidatePath('/enrollments');
  revalidatePath('/households', 'layout');
  return result;
});
