'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/authed-action';
import { createUser } from '@/lib/users/create-user';
import { createUserSchema, updateUserSchema } from '@/lib/users/schemas';
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
