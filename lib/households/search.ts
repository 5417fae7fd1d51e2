import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { households, members, regions } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { decodeCursor, encodeCursor } from './list-cursor';
import { maskIdNumber } from './mask';
import { classifySearch, type SearchParams } from './search-input';

const village = alias(regions, 'village');
const township = alias(regions, 'township');
const head = alias(members, 'head');

export const PAGE_SIZE = 50;

/** Households whose members match the typed term, as a condition the planner can drive from an index. */
function termCondition(term: ReturnType<typeof classifySearch>): SQL | undefined {
  switch (term.kind) {
    case 'id':
      return sql`${households.id} in (select household_id from members where id_number = ${term.value})`;
    case 'id_suffix':
      return sql`${households.id} in (select household_id from members where reverse(id_number) like reverse(${term.value}) || '%')`;
    case 'phone':
      return eq(households.phone, term.value);
    case 'name': {
      // name_bigrams is the union of the character pairs of all the household's members (any
      // status; see migration 0005), GIN-indexed. A two-character term is one pair, so
      // containment is the whole test; a longer term's pairs may come from different members,
      // so one member's name must hold the whole term.
      const pairs = sql`${households.nameBigrams} @> doudi_bigrams(${term.value})`;
      if ([...term.value].length <= 2) return pairs;
      return and(
        pairs,
        sql`exists (select 1 from members m where m.household_id = ${households.id} and m.name like '%' || ${term.value} || '%')`,
      );
    }
    default:
      return undefined;
  }
}

/**
 * The household list: scoped to the user's region, filtered, sorted and keyset-paginated
 * (no OFFSET: page 2,000 costs what page 1 costs). Resident IDs come back masked.
 */
export async function searchHouseholds(user: SessionUser, params: SearchParams, opts: { pageSize?: number } = {}) {
  const pageSize = Math.min(Math.max(opts.pageSize ?? PAGE_SIZE, 1), 1000);
  assertCan(user, 'household.read');
  const term = classifySearch(params.q);
  if (term.kind === 'invalid') return { rows: [], nextCursor: undefined, message: term.message };
  const db = await getDb();
  const sort = params.sort ?? 'newest';
  const cursor = decodeCursor(params.after, sort);
  const headName = households.headName; // the active head's name, '' when none (kept by triggers)

  let after: SQL | undefined;
  if (cursor && sort === 'name') after = sql`(${headName}, ${households.id}) > (${cursor[0]}, ${cursor[1]}::uuid)`;
  if (cursor && sort === 'newest') after = sql`(${households.createdAt}, ${households.id}) < (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`;
  if (cursor && sort === 'oldest') after = sql`(${households.createdAt}, ${households.id}) > (${cursor[0]}::timestamptz, ${cursor[1]}::uuid)`;

  const order =
    sort === 'name'
      ? [asc(headName), asc(households.id)]
      : sort === 'oldest'
        ? [asc(households.createdAt), asc(households.id)]
        : [desc(households.createdAt), desc(households.id)];

  const where = and(
    regionScope(user, { county: households.countyCode, township: households.townshipCode, village: households.villageCode }),
    params.county ? eq(households.countyCode, params.county) : undefined,
    params.township ? eq(households.townshipCode, params.township) : undefined,
    params.village ? eq(households.villageCode, params.village) : undefined,
    params.poor === 'yes' ? eq(households.registeredPoor, true) : params.poor === 'no' ? eq(households.registeredPoor, false) : undefined,
    termCondition(term),
    after,
  );
  const columns = {
    id: households.id,
    address: households.address,
    kind: households.kind,
    registeredPoor: households.registeredPoor,
    createdAt: sql<string>`to_char(${households.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    villageName: village.name,
    townshipName: township.name,
    headName: head.name,
    sortName: households.headName,
    headIdNumber: head.idNumber,
    memberCount: sql<number>`(select count(*)::int from members m where m.household_id = ${households.id} and m.status = 'active')`,
  };
  const headJoin = and(eq(head.householdId, households.id), eq(head.isHead, true), eq(head.status, 'active'));

  // The page's household ids first, from households alone (an index on the region and
  // created_at or head_name, or the matches of a search sorted), and the villages, head and
  // member count for those rows only.
  const pageIds = db.$with('page').as(db.select({ id: households.id }).from(households).where(where).orderBy(...order).limit(pageSize + 1));
  const rows = await db
    .with(pageIds)
    .select(columns)
    .from(pageIds)
    .innerJoin(households, eq(households.id, pageIds.id))
    .innerJoin(village, eq(village.code, households.villageCode))
    .innerJoin(township, eq(township.code, households.townshipCode))
    .leftJoin(head, headJoin)
    .orderBy(...order);

  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  const nextCursor =
    rows.length > pageSize && last ? encodeCursor([sort === 'name' ? last.sortName : last.createdAt, last.id]) : undefined;
  return {
    rows: page.map(({ headIdNumber, sortName: _sortName, ...r }) => ({ ...r, headIdMasked: headIdNumber ? maskIdNumber(headIdNumber) : '' })),
    nextCursor,
    message: undefined as string | undefined,
  };
}

export type HouseholdListRow = Awaited<ReturnType<typeof searchHouseholds>>['rows'][number];
