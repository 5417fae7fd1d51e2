import 'server-only';
import { todayInChina } from '@/lib/core/time';
import type { SessionUser } from '@/lib/auth/types';
import { addMonthsToMonth } from '@/lib/core/calendar-date';
import { latestReportedMonth } from '@/lib/reports/monthly-notice';
import { monthQuerySchema } from '@/lib/reports/schemas';

/** The month asked for, or the latest with an approved run, or last month. */
export async function resolveMonth(user: SessionUser, raw: Record<string, string | string[] | undefined>): Promise<string> {
  const parsed = monthQuerySchema.safeParse({ month: Array.isArray(raw.month) ? raw.month[0] : raw.month });
  if (parsed.success && parsed.data.month) return parsed.data.month;
  return (await latestReportedMonth(user)) ?? addMonthsToMonth(todayInChina().slice(0, 7), -1);
}
