import 'server-only';
import { count } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { households } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';

export async function countHouseholds(user: SessionUser): Promise<number> {
  assertCan(user, 'household.read');
  const db = await getDb();
  const [row] = await db
    .select({ n: count() })
    .from(households)
    .where(regionScope(user, { county: households.countyCode, township: households.townshipCode, village: households.villageCode }));
  return row?.n ?? 0;
}
