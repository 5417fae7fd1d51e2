// Direct SQL access to the e2e PostgreSQL database (E2E_DATABASE_URL, the one the `postgres`
// server uses), for specs that need to arrange their own data or check what was stored.
//
//   import { test, expect } from './support/db';
//   test('…', async ({ page, sql }) => {
//     const [u] = await sql`select id from users where username = 'caseworker'`;
//   });
//
// Specs share one seeded database and run one at a time (workers: 1): give the rows a spec
// creates unique values (e.g. uniqueSuffix()) rather than relying on a clean database.
import { test as base } from '@playwright/test';
import postgres from 'postgres';
import { e2eDatabaseUrl } from './env';

export type Sql = postgres.Sql;

/** A new postgres.js client on the e2e database; call `.end()` when done. */
export function openE2eSql(): Sql {
  return postgres(e2eDatabaseUrl(), { max: 2, onnotice: () => {} });
}

/** Playwright `test` with a worker-scoped `sql` fixture (opened once per worker, closed after). */
export const test = base.extend<object, { sql: Sql }>({
  sql: [
    async ({}, use) => {
      const sql = openE2eSql();
      await use(sql);
      await sql.end({ timeout: 5 });
    },
    { scope: 'worker' },
  ],
});

export { expect } from '@playwright/test';

/** A short string unlikely to repeat across runs, for names and numbers a spec inserts. */
export function uniqueSuffix(): string {
  return `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
}
