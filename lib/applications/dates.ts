import { AppError } from '@/lib/core/errors';

/** A step's date must not be in the future nor before the step it follows. */
export function assertStepDate(field: string, date: string, notBefore: string | null | undefined, today: string): void {
  if (date > today) throw new AppError('invalid_input', { [field]: '日期不能晚于今天' });
  if (notBefore && date < notBefore) throw new AppError('invalid_input', { [field]: `日期不能早于上一环节（${notBefore}）` });
}
