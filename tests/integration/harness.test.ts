// Proves the integration harness: the database is the per-run one (never `postgres`),
// it is migrated, and the demo seed is loaded (吕梁市 has 13 county-level divisions).
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { regions } from '@/db/schema';
import { closeTestDb, testDatabaseUrl, testDb } from './support/db';

afterAll(closeTestDb);

describe('integration harness', () => {
  it('runs against a fresh per-run database, not `postgres`', async () => {
    const db = await testDb();
    const [row] = await db.execute<{ name: string }>(sql`select current_database() as name`);
    expect(row?.name).toMatch(/^doudi_it_/);
    expect(row?.name).not.toBe('postgres');
    expect(new URL(testDatabaseUrl()).pathname).toBe(`/${row?.name}`);
  });

  it('is seeded: 吕梁市 has 13 counties', async () => {
    const db = await testDb();
    const [row] = await db
      .select({ n: count() })
      .from(regions)
      .where(eq(regions.level, 'county'));
    expect(row?.n).toBe(13);
  });
});
