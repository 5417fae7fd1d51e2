'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/actions/authed-action';
import { admitResident } from './admit';
import { dischargeResident } from './discharge';
import { createInstitution, updateInstitution } from './save';
import { admitSchema, createInstitutionSchema, dischargeSchema, updateInstitutionSchema } from './schemas';

export const createInstitutionAction = authedAction(createInstitutionSchema, async (user, input) => {
  const { id } = await createInstitution(user, input);
  revalidatePath('/institutions');
  redirect(`/institutions/${id}`);
});
export const updateInstitutionAction = authedAction(updateInstitutionSchema, async (user, input) => {
  const { id } = await updateInstitution(user, input);
  revalidatePath(`/institutions/${id}`);
  revalidatePath('/institutions');
  return { id };
});
export const admitResidentAction = authedAction(admitSchema, async (user, input) => {
  const out = await admitResident(user, input);
  revalidatePath(`/institutions/${input.institutionId}`);
  revalidatePath('/institutions');
  return out;
});
export const dischargeResidentAction = authedAction(dischargeSchema, async (user, input) => {
  const out = await dischargeResident(user, input);
  revalidatePath('/institutions', 'layout');
  return out;
});
