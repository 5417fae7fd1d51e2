import 'server-only';
import { and, gte, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { lateEntries } from '@/db/schema';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { addMonthsToMonth } from '@/lib/core/calendar-date';

/**
 * Late entries (补录) entered in a month, per county and township of the user's region: figures
 * for the monthly notice (月通报), which checks the permission to read reports itself.
 */
export async function lateEntriesOfMonth(user: SessionUser, month: string) {
  const db = await getDb();
  return db
    .select({ countyCode: lateEntries.countyCode, townshipCode: lateEntries.townshipCode, count: sql<number>`count(*)`.mapWith(Number) })
    .from(lateEntries)
    .where(
      and(
        regionScope(user, { county: lateEntries.countyCode, township: lateEntries.townshipCode, village: lateEntries.villageCode }),
        gte(lateEntries.recordedOn, `${month}-01`),
        lt(lateEntries.recordedOn, `${addMonthsToMonth(month, 1)}-01`),
      ),
    )
    .groupBy(lateEntries.countyCode, lateEntries.townshipCode);
}
