'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { authedAction } from '@/lib/actions/authed-action';
import { createApplication } from '@/lib/applications/create-application';
import { decideApplication } from '@/lib/applications/decide';
import { recordInvestigation } from '@/lib/applications/investigate';
import { listAllApplications } from '@/lib/applications/list';
import { listSearchSchema } from '@/lib/applications/list-filter';
import {
  acceptSchema,
  notAcceptSchema,
  countyVisitSchema,
  createApplicationSchema,
  decideSchema,
  investigateSchema,
  objectionSchema,
  publicNoticeSchema,
  townshipOpinionSchema,
} from '@/lib/applications/schemas';
import { acceptApplication, refuseAcceptance, recordCountyVisit, recordObjection, recordTownshipOpinion, startPublicNotice } from '@/lib/applications/steps';

const done = (id: string) => {
  revalidatePath(`/applications/${id}`);
  revalidatePath('/applications');
  return { id };
};

export const createApplicationAction = authedAction(createApplicationSchema, async (user, input) => {
  const { id } = await createApplication(user, input);
  redirect(`/applications/${id}`);
});
export const acceptAction = authedAction(acceptSchema, async (user, input) => done((await acceptApplication(user, input)).application.id));
export const notAcceptAction = authedAction(notAcceptSchema, async (user, input) => done((await refuseAcceptance(user, input)).application.id));
export const investigateAction = authedAction(investigateSchema, async (user, input) => done((await recordInvestigation(user, input)).application.id));
export const townshipOpinionAction = authedAction(townshipOpinionSchema, async (user, input) => done((await recordTownshipOpinion(user, input)).application.id));
export const publicNoticeAction = authedAction(publicNoticeSchema, async (user, input) => done((await startPublicNotice(user, input)).application.id));
export const objectionAction = authedAction(objectionSchema, async (user, input) => done((await recordObjection(user, input)).application.id));
export const countyVisitAction = authedAction(countyVisitSchema, async (user, input) => done((await recordCountyVisit(user, input)).application.id));
export const decideAction = authedAction(decideSchema, async (user, input) => done((await decideApplication(user, input)).application.id));

/** The list's search (a name or an ID, in a POST body, never the URL) within the filters the page shows. */
export const searchApplicationsAction = authedAction(listSearchSchema, (user, filter) => listAllApplications(user, filter));
