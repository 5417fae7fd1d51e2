import 'server-only';
import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb, type Db } from '@/db/client';
import { workCalendar } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { weekday } from '@/lib/core/calendar-date';
import type { WorkCalendar } from '@/lib/core/working-days';
import type { calendarDaySchema } from './schemas';
import { policyMessages } from './messages';

/** The admin-maintained calendar (holidays, make-up working days) for a span of dates. */
export async function loadCalendar(db: Db, from: string, to: string): Promise<WorkCalendar> {
  const rows = await db.select().from(workCalendar).where(and(gte(workCalendar.day, from), lte(workCalendar.day, to)));
  return {
    holidays: rows.filter((r) => r.kind === 'holiday').map((r) => r.day),
    makeUpWorkdays: rows.filter((r) => r.kind === 'workday').map((r) => r.day),
  };
}

export async function listCalendar(user: SessionUser, fromDay: string) {
  assertCan(user, 'policy.read');
  const db = await getDb();
  return db.select().from(workCalendar).where(gte(workCalendar.day, fromDay)).orderBy(asc(workCalendar.day));
}

/** Holidays on weekdays and make-up working days on weekends: what the weekday rule gets wrong. */
export async function setCalendarDay(user: SessionUser, input: z.output<typeof calendarDaySchema>) {
  assertCan(user, 'calendar.manage');
  const wd = weekday(input.day); // 0 Sunday … 6 Saturday
  const weekend = wd === 0 || wd === 6;
  if (input.kind === 'holiday' && weekend) throw refuse('invalid_input', policyMessages.weekendHoliday, 'day');
  if (input.kind === 'workday' && !weekend) throw refuse('invalid_input', policyMessages.weekdayWorkday, 'day');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(workCalendar).where(eq(workCalendar.day, input.day)).for('update');
    await tx
      .insert(workCalendar)
      .values({ ...input, createdBy: user.id })
      .onConflictDoUpdate({ target: workCalendar.day, set: { kind: input.kind, note: input.note, createdBy: user.id } });
    await recordAudit(tx, user, { action: 'calendar.set', entity: 'work_calendar', entityId: input.day, before: before ?? null, after: input });
    return { day: input.day };
  });
}

export async function removeCalendarDay(user: SessionUser, day: string) {
  assertCan(user, 'calendar.manage');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.delete(workCalendar).where(eq(workCalendar.day, day)).returning();
    if (!before) throw new AppError('not_found');
    await recordAudit(tx, user, { action: 'calendar.remove', entity: 'work_calendar', entityId: day, before });
    return { day };
  });
}
