// Gives an integration test file a drizzle connection to the run's seeded database
// (created by tests/integration/global-setup.ts). One connection pool per test file:
//
//   import { afterAll } from 'vitest';
//   import { closeTestDb, testDb } from '../support/db';
//   afterAll(closeTestDb);
//   const db = await testDb();
import { inject } from 'vitest';
import { openPostgres, type Db, type OpenDatabase } from '@/db/client';

let opening: Promise<OpenDatabase> | undefined;

/** postgres:// URL of the run's test database, as the app's role. */
export function testDatabaseUrl(): string {
  return inject('databaseUrl');
}

/** The same database as its owner role: DDL and what the app may not do (a superuser's edit, say). */
export function ownerDatabaseUrl(): string {
  return inject('ownerDatabaseUrl');
}

/** The drizzle database of this run; opened once per test file (already migrated by global setup). */
export async function testDb(): Promise<Db> {
  opening ??= openPostgres(testDatabaseUrl(), { migrate: false, max: 4 });
  return (await opening).db;
}

/** Closes the pool opened by testDb(); call it from afterAll. Safe to call when never opened. */
export async function closeTestDb(): Promise<void> {
  const open = opening;
  opening = undefined;
  if (open) await (await open).close();
}
