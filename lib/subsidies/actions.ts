'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/actions/authed-action';
import { acceptSubsidyApplication } from './accept';
import { decideSubsidyApplication } from './decide';
import { acceptSubsidySchema, decideSubsidySchema, verifySubsidySchema } from './schemas';
import { verifySubsidyCertificate } from './verify';

const done = (id: string) => {
  revalidatePath(`/applications/subsidies/${id}`);
  revalidatePath('/applications/subsidies');
  return { id };
};

export const acceptSubsidyAction = authedAction(acceptSubsidySchema, async (user, input) => {
  const { id } = await acceptSubsidyApplication(user, input);
  redirect(`/applications/subsidies/${id}`);
});
export const verifySubsidyAction = authedAction(verifySubsidySchema, async (user, input) => done((await verifySubsidyCertificate(user, input)).application.id));
export const decideSubsidyAction = authedAction(decideSubsidySchema, async (user, input) => done((await decideSubsidyApplication(user, input)).application.id));
