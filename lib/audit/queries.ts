import 'server-only';
import { and, asc, desc, eq, isNull, like, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, users } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { addDays } from '@/lib/core/calendar-date';
import { scopePrefix } from '@/lib/regions/codes';
import { decodeAuditCursor, encodeAuditCursor, type AuditCursor } from './cursor';
import { tabOf, type AuditFilter } from './filter';

export const AUDIT_PAGE_SIZE = 50;

/** The start of a calendar day in China (+08:00, no daylight saving), as an instant. */
const chinaDayStart = (day: string) => `${day}T00:00:00+08:00`;

/**
 * The reader's region: a county's readers see its rows (the county's six digits, an expression
 * index); a city's also the rows without a region (sign-ins, city-wide settings).
 */
function scopeOf(user: SessionUser): SQL | undefined {
  if (user.regionLevel === 'county') return sql`left(${auditLog.regionCode}, 6) = ${user.regionCode}`;
  const inScope = like(auditLog.regionCode, `${scopePrefix(user.regionCode, user.regionLevel)}%`);
  return user.regionLevel === 'city' || user.regionLevel === 'province' ? or(inScope, isNull(auditLog.regionCode)) : inScope;
}

/**
 * The filter's conditions but the text. Each filter has an index in the page's order (migration
 * 0025), so the planner walks one of them newest first and stops after a page. The scope always
 * applies: a region outside it just finds nothing.
 */
function conditions(user: SessionUser, f: AuditFilter, cursor: AuditCursor | null): SQL | undefined {
  return and(
    scopeOf(user),
    // Written out as the partial index's predicate (audit_sign_in_at_idx), so the planner can use it.
    tabOf(f) === 'signins' ? sql`${auditLog.action} like 'auth.%'` : sql`${auditLog.action} not like 'auth.%'`,
    f.actor ? eq(auditLog.actorId, f.actor) : undefined,
    f.action ? eq(auditLog.action, f.action) : undefined,
    f.entity ? eq(auditLog.entity, f.entity) : undefined,
    f.entityId ? eq(auditLog.entityId, f.entityId) : undefined,
    f.region ? sql`left(${auditLog.regionCode}, 6) = ${f.region.slice(0, 6)}` : undefined,
    f.region && f.region.length > 6 ? like(auditLog.regionCode, `${f.region}%`) : undefined,
    f.from ? sql`${auditLog.at} >= ${chinaDayStart(f.from)}::timestamptz` : undefined,
    f.to ? sql`${auditLog.at} < ${chinaDayStart(addDays(f.to, 1))}::timestamptz` : undefined,
    cursor ? before(cursor) : undefined,
  );
}

const before = (c: AuditCursor) => sql`(${auditLog.at}, ${auditLog.id}) < (${c[0]}::timestamptz, ${c[1]}::bigint)`;

/** The term, literally (no LIKE wildcards), in the reason, whatever the case of Latin letters. */
const contains = (reason: unknown, q: string) => sql`strpos(lower(${reason}), lower(${q}::text)) > 0`;

/**
 * How many of the newest rows under the other filters the text is first looked for in, read in
 * index order (rows lie in the heap in time order, so this reads few pages). A term in
 * at least one row in 40 fills its page from them. A rarer one is then looked up in the GIN index
 * of characters and pairs keyed by month (audit_reason_keys_idx, migration 0025): one month, then
 * two, four … further back, so a page reads the matches of the months it shows, never a bitmap
 * of every match across the log (26,000 scattered rows for 已复核 at 10,000,000 rows: seconds).
 */
export const TEXT_WINDOW = 2_000;

/** The index keys of a term: its pairs (its one character when it has one), lower-cased as the index is. */
export function termGrams(q: string): string[] {
  const chars = [...q.toLowerCase()];
  if (chars.length === 1) return chars;
  return [...new Set(chars.slice(0, -1).map((c, i) => c + chars[i + 1]))];
}

/** A PostgreSQL text[] literal (one parameter, not a list). */
const textArray = (xs: string[]) => `{${xs.map((x) => `"${x.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/** YYYYMM of a UTC ISO time, and arithmetic on it. */
const monthOf = (iso: string) => Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1;
const monthKey = (m: number) => `${Math.floor(m / 12)}${String((m % 12) + 1).padStart(2, '0')}`;

export interface AuditRow {
  id: number;
  at: Date;
  actorName: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  regionCode: string | null;
  before: unknown;
  after: unknown;
  reason: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  /** The cursor of the next (older) page; undefined on the last page. */
  nextCursor?: string;
}

/**
 * One page of the audit log under the filter, newest first (at, then id), for a reader with
 * audit.read, within their region. `filter.after` continues after a page; a cursor this server
 * did not write starts from the first page.
 */
export async function listAuditEntries(user: SessionUser, filter: AuditFilter = {}, opts: { pageSize?: number } = {}): Promise<AuditPage> {
  assertCan(user, 'audit.read');
  const db = await getDb();
  const pageSize = Math.min(Math.max(opts.pageSize ?? AUDIT_PAGE_SIZE, 1), 1000);
  const limit = pageSize + 1;
  const base = conditions(user, filter, decodeAuditCursor(filter.after));
  const fields = {
    id: auditLog.id,
    at: auditLog.at,
    atText: sql<string>`to_char(${auditLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('at_text'),
    actorName: auditLog.actorName,
    action: auditLog.action,
    entity: auditLog.entity,
    entityId: auditLog.entityId,
    regionCode: auditLog.regionCode,
    before: auditLog.before,
    after: auditLog.after,
    reason: auditLog.reason,
  };
  const newest = (where: SQL | undefined, n: number) =>
    db.select(fields).from(auditLog).where(where).orderBy(desc(auditLog.at), desc(auditLog.id)).limit(n);
  const q = filter.q?.trim();
  let found;
  if (!q) {
    found = await newest(base, limit);
  } else {
    // First the newest TEXT_WINDOW rows of the other filters, in index order.
    const window = newest(base, TEXT_WINDOW).as('w');
    found = await db.select().from(window).where(contains(window.reason, q)).orderBy(desc(window.at), desc(window.id)).limit(limit);
    if (found.length < limit) {
      const [end] = await db
        .select({ atText: fields.atText, id: auditLog.id })
        .from(auditLog)
        .where(base)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .offset(TEXT_WINDOW - 1)
        .limit(1);
      // Past the window (there is more): the term's rows by the GIN index, a range of months at a time.
      if (end) {
        const [oldest] = await db
          .select({ atText: fields.atText })
          .from(auditLog)
          .where(base)
          .orderBy(auditLog.at, auditLog.id)
          .limit(1);
        const grams = termGrams(q);
        // The cursor is older than the window's end: only the end bounds what follows.
        const rest = conditions(user, filter, null);
        const last = monthOf(oldest?.atText ?? end.atText);
        for (let hi = monthOf(end.atText), span = 1; found.length < limit && hi >= last; hi -= span, span *= 2) {
          const lo = Math.max(hi - span + 1, last);
          const months = Array.from({ length: hi - lo + 1 }, (_, i) => monthKey(lo + i));
          const inMonths = or(...months.map((m) => sql`doudi_audit_text_keys(${auditLog.reason}, ${auditLog.at}) @> ${textArray(grams.map((g) => m + g))}::text[]`));
          // Ordered by an expression, not by the column, and the other conditions as one
          // `(…) is true` that no index serves: the planner must neither walk the (at, id) index
          // back through every row computing each one's keys (51 s at 10,000,000 rows) nor AND the
          // GIN bitmap with another index's (1.6 million entries read); it takes the months'
          // matches from the GIN index alone and sorts those few.
          const more = await db.transaction(async (tx) => {
            // The months' matches are few, but the planner cannot know it (a GIN index has no
            // statistics per key) and would start parallel workers and JIT-compile for them (100 ms).
            await tx.execute(sql`select set_config('max_parallel_workers_per_gather', '0', true), set_config('jit', 'off', true)`);
            return tx
            .select(fields)
            .from(auditLog)
            .where(and(inMonths, sql`${auditLog.reason} is not null`, sql`(${and(rest, before([end.atText, end.id]))}) is true`, contains(auditLog.reason, q)))
            .orderBy(sql`${auditLog.at} + interval '0 seconds' desc`, sql`${auditLog.id} + 0 desc`)
            .limit(limit - found.length);
          });
          found = [...found, ...more];
        }
      }
    }
  }
  const rows = found.slice(0, pageSize);
  const last = rows.at(-1);
  return {
    rows: rows.map(({ atText: _t, ...r }) => r),
    nextCursor: found.length > pageSize && last ? encodeAuditCursor([last.atText, last.id]) : undefined,
  };
}

/** The people the 操作人 filter offers: users of the reader's region (active or not). */
export async function listAuditActors(user: SessionUser) {
  assertCan(user, 'audit.read');
  const db = await getDb();
  return db
    .select({ id: users.id, name: users.name, username: users.username })
    .from(users)
    .where(like(users.regionCode, `${scopePrefix(user.regionCode, user.regionLevel)}%`))
    .orderBy(asc(users.name), asc(users.username));
}

/** The reader's region as a condition on audit_log, for counts outside this module (the start page). */
export const auditScope = scopeOf;
