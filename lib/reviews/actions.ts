'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/authed-action';
import { assignReviews, createBatch } from './batch';
import { recordReview } from './record';
import { assignReviewsSchema, createBatchSchema, recordReviewSchema } from './schemas';

export const createBatchAction = authedAction(createBatchSchema, async (user, input) => {
  const result = await createBatch(user, input);
  revalidatePath('/reviews', 'layout');
  return result;
});

export const assignReviewsAction = authedAction(assignReviewsSchema, async (user, input) => {
  const result = await assignReviews(user, input);
  revalidatePath('/reviews', 'layout');
  return result;
});

export const recordReviewAction = authedAction(recordReviewSchema, async (user, input) => {
  const result = await recordReview(user, input);
  revalidatePath('/reviews', 'layout');
  revalidatePath('/enrollments');
  revalidatePath('/households', 'layout');
  return result;
});
