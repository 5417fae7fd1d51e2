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
 * The filter's conditions. Each filter has an index in the page's order (migration 0023), so the
 * planner walks one of them newest first and stops after a page. The scope always applies: a
 * region outside it just finds nothing.
 */
function conditions(user: SessionUser, f: AuditFilter, cursor: AuditCursor | null): SQL | undefined {
  const q = f.q?.trim();
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
    // Every character and pair of the term must be among the reason's (a GIN lookup); the whole
    // term is then checked in the text.
    q
      ? sql`${auditLog.reason} is not null and doudi_text_grams(${auditLog.reason}) @> doudi_text_grams(${q}::text)
            and strpos(lower(${auditLog.reason}), lower(${q}::text)) > 0`
      : undefined,
    cursor ? sql`(${auditLog.at}, ${auditLog.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::bigint)` : undefined,
  );
}

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
  const found = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      atText: sql<string>`to_char(${auditLog.at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      actorName: auditLog.actorName,
      action: auditLog.action,
      entity: auditLog.entity,
      entityId: auditLog.entityId,
      regionCode: auditLog.regionCode,
      before: auditLog.before,
      after: auditLog.after,
      reason: auditLog.reason,
    })
    .from(auditLog)
    .where(conditions(user, filter, decodeAuditCursor(filter.after)))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(pageSize + 1);
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
