import 'server-only';
import { and, asc, desc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { applications, members, regions, users } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { decodeCursor, encodeCursor } from '@/lib/households/list-cursor';
import { maskIdNumber } from '@/lib/households/mask';
import { classifySearch, type SearchTerm } from '@/lib/households/search-input';
import type { ListFilter } from './list-filter';

export const PAGE_SIZE = 50;

const head = alias(members, 'head');
const applicant = alias(members, 'applicant');
const village = alias(regions, 'village');
const township = alias(regions, 'township');
const decider = alias(users, 'decider');

const scopeOf = (user: SessionUser) =>
  regionScope(user, { county: applications.countyCode, township: applications.townshipCode, village: applications.villageCode });

/** China's calendar day `d` at 00:00 as a moment, so a range on created_at can use an index. */
const startOfDay = (d: string) => sql`((${d}::date)::timestamp at time zone 'Asia/Shanghai')`;
const endOfDay = (d: string) => sql`(((${d}::date) + 1)::timestamp at time zone 'Asia/Shanghai')`;

/**
 * The application's applicant or household head matches the search term. Names as the household
 * list finds them: members' names carry a GIN index of their character pairs (migration 0002),
 * which serves two-character names where pg_trgm cannot; a longer name must also be a substring
 * of that one member's name. IDs: in full, or the last digits on the reversed-number index.
 */
function termCondition(term: SearchTerm): SQL | undefined {
  const who = sql`m.household_id = ${applications.householdId} and (m.id = ${applications.memberId} or (m.is_head and m.status = 'active'))`;
  switch (term.kind) {
    case 'id':
      return sql`exists (select 1 from members m where m.id_number = ${term.value} and ${who})`;
    case 'id_suffix':
      return sql`exists (select 1 from members m where reverse(m.id_number) like reverse(${term.value}) || '%' and ${who})`;
    case 'name':
      return sql`exists (select 1 from members m where doudi_bigrams(m.name) @> doudi_bigrams(${term.value}) and m.name like '%' || ${term.value} || '%' and ${who})`;
    case 'phone':
      return sql`exists (select 1 from households h where h.id = ${applications.householdId} and h.phone = ${term.value})`;
    default:
      return undefined;
  }
}

function filterConditions(f: ListFilter): (SQL | undefined)[] {
  return [
    f.kind ? eq(applications.kind, f.kind) : undefined,
    f.state ? eq(applications.state, f.state) : undefined,
    f.township ? eq(applications.townshipCode, f.township) : undefined,
    f.submittedFrom ? sql`${applications.createdAt} >= ${startOfDay(f.submittedFrom)}` : undefined,
    f.submittedTo ? sql`${applications.createdAt} < ${endOfDay(f.submittedTo)}` : undefined,
    f.decidedFrom ? sql`${applications.decidedOn} >= ${f.decidedFrom}::date` : undefined,
    f.decidedTo ? sql`${applications.decidedOn} <= ${f.decidedTo}::date` : undefined,
    f.decidedBy ? eq(applications.decidedBy, f.decidedBy) : undefined,
  ];
}

/**
 * Every application in the user's region, any state, newest registration first, filtered and
 * keyset-paginated (created_at, id): no OFFSET. Resident IDs come back masked. A user outside the
 * region sees nothing: the scope is part of the WHERE, whatever the filter says.
 */
export async function listAllApplications(user: SessionUser, filter: ListFilter, opts: { pageSize?: number } = {}) {
  assertCan(user, 'application.read');
  const pageSize = Math.min(Math.max(opts.pageSize ?? PAGE_SIZE, 1), 1000);
  const term = classifySearch(filter.q);
  if (term.kind === 'invalid') return { rows: [], nextCursor: undefined, message: term.message };
  const cursor = decodeCursor(filter.after, 'newest');
  const db = await getDb();
  const rows = await db
    .select({
      id: applications.id,
      kind: applications.kind,
      state: applications.state,
      createdAt: sql<string>`to_char(${applications.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      submittedOn: sql<string>`to_char(${applications.createdAt} at time zone 'Asia/Shanghai', 'YYYY-MM-DD')`,
      decidedOn: applications.decidedOn,
      approvedAmountFen: applications.approvedAmountFen,
      householdId: applications.householdId,
      headName: head.name,
      headIdNumber: head.idNumber,
      applicantName: applicant.name,
      applicantIdNumber: applicant.idNumber,
      townshipName: township.name,
      villageName: village.name,
      deciderName: decider.name,
    })
    .from(applications)
    .innerJoin(village, eq(village.code, applications.villageCode))
    .innerJoin(township, eq(township.code, applications.townshipCode))
    .leftJoin(head, and(eq(head.householdId, applications.householdId), eq(head.isHead, true), eq(head.status, 'active')))
    .leftJoin(applicant, eq(applicant.id, applications.memberId))
    .leftJoin(decider, eq(decider.id, applications.decidedBy))
    .where(
      and(
        scopeOf(user),
        ...filterConditions(filter),
        termCondition(term),
        cursor ? sql`(${applications.createdAt}, ${applications.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(applications.createdAt), desc(applications.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ headIdNumber, applicantIdNumber, createdAt: _c, ...r }) => ({
      ...r,
      // The ID shown is the applicant's (单独申请, 特困) or else the head's, masked as in every list.
      idMasked: (applicantIdNumber ?? headIdNumber) ? maskIdNumber((applicantIdNumber ?? headIdNumber)!) : '',
    })),
    nextCursor: rows.length > pageSize && last ? encodeCursor([last.createdAt, last.id]) : undefined,
    message: undefined as string | undefined,
  };
}

export type ApplicationListRow = Awaited<ReturnType<typeof listAllApplications>>['rows'][number];
export type ApplicationListPage = Awaited<ReturnType<typeof listAllApplications>>;

/** Who has decided applications in the user's region: the 审批人 filter's choices. */
export async function listDeciders(user: SessionUser) {
  assertCan(user, 'application.read');
  const db = await getDb();
  return db
    .selectDistinct({ id: users.id, name: users.name })
    .from(applications)
    .innerJoin(users, eq(users.id, applications.decidedBy))
    .where(and(scopeOf(user), isNotNull(applications.decidedBy)))
    .orderBy(asc(users.name), asc(users.id));
}
