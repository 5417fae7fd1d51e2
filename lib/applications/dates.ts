import { AppError } from '@/lib/errors';

/** A step's date must not be in the future nor before the step it follows. */
export function assertStepDate(field: string, date: string, notBefore: string | null | undefined, today: string): void {
  if (date > today) throw new AppError('invalid_input', { [field]: '日期不能晚于今天' });
  if (notBefore && date < notBefore) throw new AppError('invalid_input', { [field]: `日期不能早于上一环节（${notBefore}）` });
}

/** Today in China, as YYYY-MM-DD, whatever the server's time zone. */
export function todayInChina(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(now);
}
