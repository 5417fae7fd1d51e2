'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/authed-action';
import { addSupporter, recordConsent, withdrawConsent } from './consent';
import { addDepartment, setDepartmentActive } from './departments';
import { requestVerification } from './request';
import { consentSchema, departmentActiveSchema, departmentSchema, requestSchema, supporterSchema, withdrawSchema } from './schemas';

const page = (applicationId: string) => revalidatePath(`/applications/${applicationId}`);

export const addSupporterAction = authedAction(supporterSchema, async (user, input) => {
  const out = await addSupporter(user, input);
  page(input.applicationId);
  return out;
});
export const recordConsentAction = authedAction(consentSchema, async (user, input) => {
  const out = await recordConsent(user, input);
  page(input.applicationId);
  return out;
});
export const withdrawConsentAction = authedAction(withdrawSchema, async (user, input) => {
  const out = await withdrawConsent(user, input);
  page(input.applicationId);
  return out;
});
export const requestVerificationAction = authedAction(requestSchema, async (user, input) => {
  const out = await requestVerification(user, input);
  page(input.applicationId);
  return out;
});
export const addDepartmentAction = authedAction(departmentSchema, async (user, input) => {
  const out = await addDepartment(user, input);
  revalidatePath('/admin/verification-departments');
  return out;
});
export const setDepartmentActiveAction = authedAction(departmentActiveSchema, async (user, input) => {
  const out = await setDepartmentActive(user, input);
  revalidatePath('/admin/verification-departments');
  return out;
});
