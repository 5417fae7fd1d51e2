'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/actions/authed-action';
import { todayInChina } from '@/lib/core/time';
import { intakeComplaint } from './intake';
import { assignSchema, intakeSchema, noteSchema, outcomeSchema, replySchema } from './schemas';
import { addComplaintNote, assignComplaint, recordComplaintOutcome, replyToComplaint } from './steps';

const done = ({ id }: { id: string }) => {
  revalidatePath(`/complaints/${id}`);
  revalidatePath('/complaints');
  return { id };
};

export const intakeComplaintAction = authedAction(intakeSchema, async (user, input) => {
  const { id } = await intakeComplaint(user, input);
  revalidatePath('/complaints');
  redirect(`/complaints/${id}`);
});
export const assignComplaintAction = authedAction(assignSchema, async (user, input) => done(await assignComplaint(user, input, todayInChina())));
export const complaintNoteAction = authedAction(noteSchema, async (user, input) => done(await addComplaintNote(user, input)));
export const complaintOutcomeAction = authedAction(outcomeSchema, async (user, input) => done(await recordComplaintOutcome(user, input, todayInChina())));
export const complaintReplyAction = authedAction(replySchema, async (user, input) => done(await replyToComplaint(user, input)));
