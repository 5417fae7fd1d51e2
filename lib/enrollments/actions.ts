'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/authed-action';
import { confirmSubsidy } from '@/lib/enrollments/confirm-subsidy';
import { decideChange } from '@/lib/enrollments/decide-change';
import { proposeChange } from '@/lib/enrollments/propose-change';
import { proposeRecomputeForCounty } from '@/lib/enrollments/propose-recompute-all';
import { z } from 'zod';
import { safeText } from '@/lib/core/safe-text';
import { listEnrollments } from '@/lib/enrollments/list';
import { enrollmentListSearchSchema } from '@/lib/enrollments/list-filter';
import { confirmSubsidySchema, decideChangeSchema, proposeChangeSchema } from '@/lib/enrollments/schemas';

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

export const recomputeCountyAction = authedAction(
  z.object({
    countyCode: z.string().regex(/^\d{6}$/),
    effectiveMonth: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-12'),
    reason: safeText('依据', { multiline: true }).min(4, '请写明依据（如新标准文件号）').max(200, '依据不能超过 200 字'),
  }),
  async (user, input) => {
    const result = await proposeRecomputeForCounty(user, input);
    revalidatePath('/enrollments');
    return result;
  },
);

export const confirmSubsidyAction = authedAction(confirmSubsidySchema, async (user, input) => {
  const result = await confirmSubsidy(user, input);
  revalidatePath(`/households/${input.householdId}`);
  revalidatePath('/enrollments');
  revalidatePath('/payouts', 'layout');
  return result;
});

/** The beneficiaries list's name / ID search: a POST, so the term never lands in a URL. */
export const searchEnrollmentsAction = authedAction(enrollmentListSearchSchema, (user, filter) => listEnrollments(user, filter));
