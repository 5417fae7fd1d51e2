// The dates a user gives a step (受理, 入户调查, 公示, a fund's allocation…): pure rules, with today
// and the working-day calendar passed in. A step's date is never after today nor before what it
// follows; a step entered more than a policy number of working days after its date is a late
// entry (补录), kept with its true date and marked.
import { workingDaysBetween, type WorkCalendar } from './working-days';

/** A date a step may not precede: the step before it, or the case's opening, with its name. */
export type Floor = { label: string; date: string | null | undefined };

export type StepDateProblem = { kind: 'future' } | { kind: 'before'; label: string; date: string };

/**
 * What is wrong with a step's date, or null when nothing is. Of several floors the latest
 * counts; on a tie the one listed later (the step itself rather than the opening of the case).
 */
export function stepDateProblem(date: string, floors: readonly Floor[], today: string): StepDateProblem | null {
  if (date > today) return { kind: 'future' };
  let latest: { label: string; date: string } | null = null;
  for (const f of floors) if (f.date && (!latest || f.date >= latest.date)) latest = { label: f.label, date: f.date };
  return latest && date < latest.date ? { kind: 'before', ...latest } : null;
}

/**
 * Working days from a step's date to the day it was entered: those in (stated, recordedOn], as
 * a deadline counts them. A step entered on a Monday for the Friday before is 1 working day late.
 */
export function workingDaysLate(stated: string, recordedOn: string, cal: WorkCalendar): number {
  return Math.max(0, workingDaysBetween(stated, recordedOn, cal));
}

/** Late entry (补录): more than the policy's number of working days between the date and its entry. */
export function isLateEntry(workingDays: number, thresholdWorkingDays: number): boolean {
  return workingDays > thresholdWorkingDays;
}

/**
 * What a late-entered 公示 must point to: the photo of the posted notice or the notice's record,
 * by a name an auditor can look up — a file name or a number with at least three letters or
 * digits in a row (IMG_0123, KC-2026-015, 公示记录 015). Words alone (“已公示”) are not a reference.
 */
export function isNoticeReference(text: string | null | undefined): boolean {
  return !!text && /[0-9A-Za-z]{3,}/.test(text.trim());
}
