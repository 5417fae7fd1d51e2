'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/authed-action';
import { createUser } from '@/lib/users/create-user';
import { resetPasswordSchema, resetUserPassword } from '@/lib/users/passwords';
import { createUserSchema, updateUserSchema } from '@/lib/users/schemas';
import { resetSecondFactor, resetSecondFactorSchema } from '@/lib/users/second-factor';
import { updateUser } from '@/lib/users/update-user';

export const createUserAction = authedAction(createUserSchema, async (user, input) => {
  const created = await createUser(user, input);
  revalidatePath('/admin/users');
  return created;
});

export const updateUserAction = authedAction(updateUserSchema, async (user, input) => {
  const result = await updateUser(user, input);
  revalidatePath('/admin/users');
  return result;
});

/** The temporary password is in this one answer only: shown once to the admin, never stored in clear. */
export const resetPasswordAction = authedAction(resetPasswordSchema, async (user, input) => {
  const result = await resetUserPassword(user, input);
  revalidatePath('/admin/users');
  return result;
});

export const resetSecondFactorAction = authedAction(resetSecondFactorSchema, async (user, input) => {
  const result = await resetSecondFactor(user, input);
  revalidatePath('/admin/users');
  return result;
});
