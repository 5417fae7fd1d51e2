import 'server-only';
import { and, gte, lte } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { workCalendar } from '@/db/schema';
import type { WorkCalendar } from './rules/working-days';

/** The admin-maintained calendar (holidays, make-up working days) for a span of dates. */
export async function loadCalendar(db: Db, from: string, to: string): Promise<WorkCalendar> {
  const rows = await db.select().from(workCalendar).where(and(gte(workCalendar.day, from), lte(workCalendar.day, to)));
  return {
    holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.day),
    makeUpWorkdays: rows.filter((r) => r.kind === 'workday').map((r) => r.day),
  };
}
