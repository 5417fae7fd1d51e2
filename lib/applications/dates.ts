import { refuse } from '@/lib/core/errors';
import { stepDateProblem, type Floor } from '@/lib/core/step-date';
import { todayInChina } from '@/lib/core/time';
import { applicationMessages } from './messages';

export type { Floor };

/**
 * A step's date must not be in the future nor before what it follows: the step before it and
 * the case's opening (an application's registration, a temporary-aid case's opening). Of the
 * floors given, the latest counts.
 */
export function assertStepDate(field: string, date: string, floors: readonly Floor[], today: string): void {
  const problem = stepDateProblem(date, floors, today);
  if (problem?.kind === 'future') throw refuse('invalid_input', applicationMessages.dateInFuture, field);
  if (problem?.kind === 'before') throw refuse('invalid_input', applicationMessages.dateBefore(problem.label, problem.date), field);
}

/** The China calendar day an application was registered (created_at is a moment; Beijing time decides its day). */
export function registeredOn(app: { createdAt: Date }): string {
  return todayInChina(app.createdAt);
}

export type StepOf = 'accept' | 'investigate' | 'township_opinion' | 'public_notice' | 'objection' | 'county_visit' | 'decision';

/**
 * What each step of an application may not precede: the step before it, and always the
 * registration. An objection sends the case back to the township: its date comes first then.
 */
export function floorsOf(
  app: { createdAt: Date; acceptedOn: string | null; investigatedOn: string | null; townshipReviewedOn: string | null; noticeStart: string | null; countyVisitOn: string | null },
  step: StepOf,
  lastObjectionOn: string | null = null,
): Floor[] {
  const registration: Floor = { label: '申请登记日', date: registeredOn(app) };
  const accepted: Floor = { label: '受理日', date: app.acceptedOn };
  switch (step) {
    case 'accept':
      return [registration];
    case 'investigate':
      return [registration, accepted];
    case 'township_opinion':
      return [registration, accepted, { label: '入户调查日', date: app.investigatedOn }, { label: '公示期异议登记日', date: lastObjectionOn }];
    case 'public_notice':
      return [registration, accepted, { label: '乡镇审核日', date: app.townshipReviewedOn }];
    case 'objection':
      return [registration, accepted, { label: '公示开始日', date: app.noticeStart }];
    case 'county_visit':
      return [registration, accepted];
    case 'decision':
      return [registration, { label: '公示开始日', date: app.noticeStart }, { label: '县级入户核查日', date: app.countyVisitOn }];
  }
}
