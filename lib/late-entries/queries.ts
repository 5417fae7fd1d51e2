import 'server-only';
import { and, asc, desc, eq, gte, lt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { lateEntries, regions, users } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { addMonthsToMonth } from '@/lib/core/calendar-date';
import type { LateEntryKind } from './labels';
import type { LateEntryFilter } from './schemas';

const recorder = alias(users, 'recorder');
const acknowledger = alias(users, 'acknowledger');
const township = alias(regions, 'township');
const village = alias(regions, 'village');

const scopeOf = (user: SessionUser) => regionScope(user, { county: lateEntries.countyCode, township: lateEntries.townshipCode, village: lateEntries.villageCode });

const columns = {
  entry: lateEntries,
  townshipName: township.name,
  villageName: village.name,
  recorderName: recorder.name,
  acknowledgerName: acknowledger.name,
};

/**
 * The late entries of one record (an application, a case, a fund), oldest first, for its page,
 * its printed form and its decision. Scoped like every read; the record's own query has already
 * checked the permission to see it.
 */
export async function lateEntriesOf(user: SessionUser, kind: LateEntryKind, id: string) {
  const db = await getDb();
  const rows = await db
    .select(columns)
    .from(lateEntries)
    .innerJoin(township, eq(township.code, lateEntries.townshipCode))
    .leftJoin(village, eq(village.code, lateEntries.villageCode))
    .innerJoin(recorder, eq(recorder.id, lateEntries.recordedBy))
    .leftJoin(acknowledger, eq(acknowledger.id, lateEntries.acknowledgedBy))
    .where(and(eq(lateEntries.entityKind, kind), eq(lateEntries.entityId, id), scopeOf(user)))
    .orderBy(asc(lateEntries.recordedAt));
  return rows.map(flatten);
}

function flatten(r: { entry: typeof lateEntries.$inferSelect; townshipName: string; villageName: string | null; recorderName: string; acknowledgerName: string | null }) {
  return { ...r.entry, townshipName: r.townshipName, villageName: r.villageName, recorderName: r.recorderName, acknowledgerName: r.acknowledgerName };
}

export type LateEntryRow = ReturnType<typeof flatten>;

function filterOf(user: SessionUser, f: LateEntryFilter) {
  return and(
    scopeOf(user),
    f.county ? eq(lateEntries.countyCode, f.county) : undefined,
    f.township ? eq(lateEntries.townshipCode, f.township) : undefined,
    f.recordedBy ? eq(lateEntries.recordedBy, f.recordedBy) : undefined,
    f.month ? gte(lateEntries.recordedOn, `${f.month}-01`) : undefined,
    f.month ? lt(lateEntries.recordedOn, `${addMonthsToMonth(f.month, 1)}-01`) : undefined,
  );
}

/**
 * 补录 for supervisors and auditors: the late entries in the user's region, newest first, by
 * township, caseworker and month of entry, with the counts per township × caseworker × month.
 */
export async function listLateEntries(user: SessionUser, filter: LateEntryFilter, limit = 500) {
  assertCan(user, 'late_entry.read');
  const db = await getDb();
  const where = filterOf(user, filter);
  const month = sql<string>`to_char(${lateEntries.recordedOn}, 'YYYY-MM')`;
  const [rows, summary] = await Promise.all([
    db
      .select(columns)
      .from(lateEntries)
      .innerJoin(township, eq(township.code, lateEntries.townshipCode))
      .leftJoin(village, eq(village.code, lateEntries.villageCode))
      .innerJoin(recorder, eq(recorder.id, lateEntries.recordedBy))
      .leftJoin(acknowledger, eq(acknowledger.id, lateEntries.acknowledgedBy))
      .where(where)
      .orderBy(desc(lateEntries.recordedOn), desc(lateEntries.recordedAt))
      .limit(limit),
    db
      .select({
        townshipCode: lateEntries.townshipCode,
        townshipName: township.name,
        recordedBy: lateEntries.recordedBy,
        recorderName: recorder.name,
        month,
        count: sql<number>`count(*)`.mapWith(Number),
        unacknowledged: sql<number>`count(*) filter (where ${lateEntries.acknowledgedBy} is null)`.mapWith(Number),
      })
      .from(lateEntries)
      .innerJoin(township, eq(township.code, lateEntries.townshipCode))
      .innerJoin(recorder, eq(recorder.id, lateEntries.recordedBy))
      .where(where)
      .groupBy(lateEntries.townshipCode, township.name, lateEntries.recordedBy, recorder.name, month)
      .orderBy(desc(month), asc(lateEntries.townshipCode), asc(recorder.name)),
  ]);
  return { rows: rows.map(flatten), summary, truncated: rows.length === limit };
}

/** The staff who entered late entries in the user's region: the list's caseworker filter. */
export async function lateEntryRecorders(user: SessionUser) {
  assertCan(user, 'late_entry.read');
  const db = await getDb();
  return db
    .selectDistinct({ id: recorder.id, name: recorder.name })
    .from(lateEntries)
    .innerJoin(recorder, eq(recorder.id, lateEntries.recordedBy))
    .where(scopeOf(user))
    .orderBy(asc(recorder.name));
}
