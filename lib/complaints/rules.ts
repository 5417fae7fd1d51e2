// Deadlines and escalation of complaints: pure functions, the calendar and today passed in.
import { addWorkingDays, type WorkCalendar } from '@/lib/core/working-days';
import type { ComplaintState } from './labels';

/** The reply is due on the n-th working day after the day the complaint was received. */
export function complaintDeadline(receivedOn: string, workingDays: number, cal: WorkCalendar): string {
  return addWorkingDays(receivedOn, workingDays, cal);
}

/**
 * Past its deadline and not answered: escalated to the city (已逾期 / 已升级至市级). On the
 * deadline day itself it is still in time.
 */
export function isEscalated(c: { state: ComplaintState; deadlineOn: string }, today: string): boolean {
  return c.state !== 'answered' && today > c.deadlineOn;
}
