import 'server-only';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { ensureCurrentAmounts } from './current-amounts';
import { enrollments, households, members, regions } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { decodeCursor, encodeCursor } from '@/lib/households/list-cursor';
import { classifySearch, type SearchTerm } from '@/lib/households/search-input';
import { amountRange, type EnrollmentListFilter } from './list-filter';

export const PAGE_SIZE = 50;

const covered = alias(members, 'covered');
const township = alias(regions, 'township');

const scopeOf = (user: SessionUser) =>
  regionScope(user, { county: enrollments.countyCode, township: enrollments.townshipCode, village: enrollments.villageCode });

/**
 * The enrollments whose household head or covered person matches the term, as a set the planner
 * computes first (a few thousand ids at most) and then joins by primary key: the household's
 * name pairs (households.name_bigrams, GIN, migration 0005) serve two-character names, which
 * pg_trgm cannot; the covered person's own name pairs (members, migration 0002) likewise. A
 * longer name is re-checked as a substring of that one name. IDs: in full, or the last digits.
 */
function termCondition(term: SearchTerm): SQL | undefined {
  const viaHousehold = (households: SQL) => sql`select e2.id from enrollments e2 where e2.household_id in (${households})`;
  const viaMember = (people: SQL) => sql`select e3.id from enrollments e3 where e3.member_id in (${people})`;
  const both = (heads: SQL, people: SQL) => sql`${enrollments.id} in (${viaHousehold(heads)} union ${viaMember(people)})`;
  switch (term.kind) {
    case 'name':
      return both(
        sql`select h.id from households h where h.name_bigrams @> doudi_bigrams(${term.value}) and h.head_name like '%' || ${term.value} || '%'`,
        sql`select m.id from members m where doudi_bigrams(m.name) @> doudi_bigrams(${term.value}) and m.name like '%' || ${term.value} || '%'`,
      );
    case 'id':
      return both(
        sql`select m.household_id from members m where m.id_number = ${term.value} and m.is_head and m.status = 'active'`,
        sql`select m.id from members m where m.id_number = ${term.value}`,
      );
    case 'id_suffix':
      return both(
        sql`select m.household_id from members m where reverse(m.id_number) like reverse(${term.value}) || '%' and m.is_head and m.status = 'active'`,
        sql`select m.id from members m where reverse(m.id_number) like reverse(${term.value}) || '%'`,
      );
    case 'phone':
      return sql`${enrollments.householdId} in (select h.id from households h where h.phone = ${term.value})`;
    default:
      return undefined;
  }
}

/**
 * The beneficiaries list (在册名单): every enrollment in the user's region, newest first,
 * filtered and keyset-paginated on (created_at, id), no OFFSET. The amount is the one in force
 * this month (enrollments.current_amount_fen, kept by triggers). A user outside the region sees
 * nothing: the scope is part of the WHERE whatever the filter says. A bad amount range lists
 * nothing and says why, by its field.
 */
export async function listEnrollments(user: SessionUser, filter: EnrollmentListFilter, opts: { pageSize?: number } = {}) {
  assertCan(user, 'enrollment.read');
  const pageSize = Math.min(Math.max(opts.pageSize ?? PAGE_SIZE, 1), 1000);
  const empty = { rows: [], nextCursor: undefined };
  const range = amountRange(filter);
  if (!range.ok) return { ...empty, message: undefined, fieldErrors: range.fieldErrors };
  const term = classifySearch(filter.q);
  if (term.kind === 'invalid') return { ...empty, message: term.message, fieldErrors: undefined };
  const cursor = decodeCursor(filter.after, 'newest');
  const db = await getDb();
  await ensureCurrentAmounts(db);
  // The page is picked from enrollments alone (its indexes, its keyset), then joined to names
  // and townships for those rows only: a search matching thousands would otherwise join them all.
  const picked = db
    .select({
      id: enrollments.id,
      program: enrollments.program,
      status: enrollments.status,
      householdId: enrollments.householdId,
      memberId: enrollments.memberId,
      townshipCode: enrollments.townshipCode,
      startMonth: enrollments.startMonth,
      nextReviewOn: enrollments.nextReviewOn,
      currentAmountFen: enrollments.currentAmountFen,
      createdAt: enrollments.createdAt,
    })
    .from(enrollments)
    .where(
      and(
        scopeOf(user),
        filter.program ? eq(enrollments.program, filter.program) : undefined,
        filter.status ? eq(enrollments.status, filter.status) : undefined,
        filter.township ? eq(enrollments.townshipCode, filter.township) : undefined,
        range.minFen !== undefined ? sql`${enrollments.currentAmountFen} >= ${range.minFen}` : undefined,
        range.maxFen !== undefined ? sql`${enrollments.currentAmountFen} <= ${range.maxFen}` : undefined,
        termCondition(term),
        cursor ? sql`(${enrollments.createdAt}, ${enrollments.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)` : undefined,
      ),
    )
    .orderBy(desc(enrollments.createdAt), desc(enrollments.id))
    .limit(pageSize + 1)
    .as('picked');
  const rows = await db
    .select({
      id: picked.id,
      program: picked.program,
      status: picked.status,
      householdId: picked.householdId,
      headName: households.headName,
      memberName: covered.name,
      townshipName: township.name,
      startMonth: picked.startMonth,
      nextReviewOn: picked.nextReviewOn,
      currentAmountFen: picked.currentAmountFen,
      createdAt: sql<string>`to_char(${picked.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(picked)
    .innerJoin(households, eq(households.id, picked.householdId))
    .innerJoin(township, eq(township.code, picked.townshipCode))
    .leftJoin(covered, eq(covered.id, picked.memberId))
    .orderBy(desc(picked.createdAt), desc(picked.id));
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    rows: page.map(({ createdAt: _c, headName, ...r }) => ({ ...r, headName: headName || null })),
    nextCursor: rows.length > pageSize && last ? encodeCursor([last.createdAt, last.id]) : undefined,
    message: undefined as string | undefined,
    fieldErrors: undefined as Partial<Record<'amountFrom' | 'amountTo', string>> | undefined,
  };
}

export type EnrollmentListPage = Awaited<ReturnType<typeof listEnrollments>>;
export type EnrollmentListRow = EnrollmentListPage['rows'][number];
