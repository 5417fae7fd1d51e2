import 'server-only';
import { and, asc, eq, inArray, like } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { regions } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import { scopePrefix } from './codes';

/** City, counties and townships inside the user's region: where users can be placed. */
export async function listAssignableRegions(user: SessionUser) {
  const db = await getDb();
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level, countyCode: regions.countyCode })
    .from(regions)
    .where(
      and(
        like(regions.code, `${scopePrefix(user.regionCode, user.regionLevel)}%`),
        inArray(regions.level, ['city', 'county', 'township']),
      ),
    )
    .orderBy(asc(regions.code));
}

export async function regionName(code: string): Promise<string | null> {
  const db = await getDb();
  const [row] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, code));
  return row?.name ?? null;
}

/** Villages the user may register households in, with their township, for a grouped select. */
export async function listVillagesInScope(user: SessionUser) {
  const db = await getDb();
  const prefix = scopePrefix(user.regionCode, user.regionLevel);
  const townships = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(and(like(regions.code, `${prefix}%`), eq(regions.level, 'township')))
    .orderBy(asc(regions.code));
  const villages = await db
    .select({ code: regions.code, name: regions.name, townshipCode: regions.townshipCode })
    .from(regions)
    .where(and(like(regions.code, `${prefix}%`), eq(regions.level, 'village')))
    .orderBy(asc(regions.code));
  return townships.map((t) => ({ ...t, villages: villages.filter((v) => v.townshipCode === t.code) }));
}

/** Counties and townships inside the user's region, for list filters. */
export async function listFilterRegions(user: SessionUser) {
  const db = await getDb();
  const prefix = scopePrefix(user.regionCode, user.regionLevel);
  return db
    .select({ code: regions.code, name: regions.name, level: regions.level, countyCode: regions.countyCode })
    .from(regions)
    .where(and(like(regions.code, `${prefix}%`), inArray(regions.level, ['county', 'township'])))
    .orderBy(asc(regions.code));
}
