import 'server-only';
import { eq, like, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { SessionUser } from './types';

interface RegionColumns {
  county: PgColumn;
  township: PgColumn;
  village: PgColumn;
}

/**
 * The WHERE condition that keeps a query inside the user's region, for a table that
 * carries denormalized county / township / village codes. Equality on an indexed column
 * for the common levels; a prefix match only for city and province users.
 */
export function regionScope(user: Pick<SessionUser, 'regionCode' | 'regionLevel'>, cols: RegionColumns): SQL {
  switch (user.regionLevel) {
    case 'province':
      return like(cols.county, `${user.regionCode.slice(0, 2)}%`);
    case 'city':
      return like(cols.county, `${user.regionCode.slice(0, 4)}%`);
    case 'county':
      return eq(cols.county, user.regionCode);
    case 'township':
      return eq(cols.township, user.regionCode);
    case 'village':
      return eq(cols.village, user.regionCode);
  }
}
