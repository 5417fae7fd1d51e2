import { refuse } from '@/lib/core/errors';
import { applicationMessages } from './messages';

/** A step's date must not be in the future nor before the step it follows. */
export function assertStepDate(field: string, date: string, notBefore: string | null | undefined, today: string): void {
  if (date > today) throw refuse('invalid_input', applicationMessages.dateInFuture, field);
  if (notBefore && date < notBefore) throw refuse('invalid_input', applicationMessages.dateBeforeStep(notBefore), field);
}
