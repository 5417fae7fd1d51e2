'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/authed-action';
import { withdrawSchema } from './schemas';
import { withdrawDocument } from './withdraw';

const pages = { household: '/households', application: '/applications', temp_aid_case: '/temp-aid', complaint: '/complaints' } as const;

export const withdrawDocumentAction = authedAction(withdrawSchema, async (user, input) => {
  const r = await withdrawDocument(user, input);
  revalidatePath(`${pages[r.ownerType]}/${r.ownerId}`);
  if (r.householdId) revalidatePath(`/households/${r.householdId}`);
  return { id: r.id };
});
