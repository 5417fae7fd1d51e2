'use server';

import { revalidatePath } from 'next/cache';
import { authedAction } from '@/lib/actions/authed-action';
import { addStandard } from '@/lib/policy/add-standard';
import { removeCalendarDay, setCalendarDay } from '@/lib/policy/calendar';
import { addStandardSchema, calendarDaySchema } from '@/lib/policy/schemas';

export const addStandardAction = authedAction(addStandardSchema, async (user, input) => {
  const row = await addStandard(user, input);
  revalidatePath('/policy');
  return row;
});

export const setCalendarDayAction = authedAction(calendarDaySchema, async (user, input) => {
  const row = await setCalendarDay(user, input);
  revalidatePath('/admin/calendar');
  return row;
});

export const removeCalendarDayAction = authedAction(calendarDaySchema.pick({ day: true }), async (user, input) => {
  const row = await removeCalendarDay(user, input.day);
  revalidatePath('/admin/calendar');
  return row;
});
