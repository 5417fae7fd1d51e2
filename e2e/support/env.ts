// The one place that names the e2e servers and database. Imported by playwright.config.ts
// (in the runner and again in every worker), by scripts/e2e-db.ts and by the spec helpers,
// so every process derives the same values from the same environment variables:
//
//   E2E_DATABASE_URL   PostgreSQL database of the e2e run. scripts/test-all.sh sets a
//                      per-run name (doudi_e2e_<pid>_<time>); default
//                      postgres://postgres@127.0.0.1:5432/doudi_e2e. Its name must start
//                      with doudi_e2e: scripts/e2e-db.ts drops and recreates it.
//   E2E_PORT           port of the PostgreSQL-backed server (default 3100)
//   E2E_PGLITE_PORT    port of the embedded-PGlite server (default 3101)
//   E2E_PGLITE_DIR     PGlite data folder of that server (default test-results/pglite-data;
//                      wiped and re-seeded every run)
//   CHROMIUM_PATH      browser binary (default /usr/bin/chromium)
import path from 'node:path';

export const E2E_DATABASE_PREFIX = 'doudi_e2e';

export function e2eDatabaseUrl(): string {
  return process.env.E2E_DATABASE_URL || `postgres://postgres@127.0.0.1:5432/${E2E_DATABASE_PREFIX}`;
}

/**
 * The e2e database's name and an admin URL (same server, database `postgres`) from which it
 * can be dropped. Refuses any name not starting with doudi_e2e: it is dropped and recreated.
 */
export function e2eDatabaseTarget(url: string = e2eDatabaseUrl()): { name: string; url: string; adminUrl: string } {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  if (!name.startsWith(E2E_DATABASE_PREFIX) || !/^[a-z0-9_]+$/.test(name)) {
    throw new Error(
      `E2E_DATABASE_URL must name a database matching ${E2E_DATABASE_PREFIX}[a-z0-9_]* (it is dropped and recreated); got "${name}"`,
    );
  }
  parsed.pathname = '/postgres';
  return { name, url, adminUrl: parsed.toString() };
}

/**
 * The e2e database as the deployed server sees it: the app's role for queries, the owner's for
 * migrations (least privilege, db/roles.ts). The specs' own `sql` fixture keeps the superuser
 * URL above, to arrange data as a test must.
 */
export const E2E_OWNER_ROLE = 'doudi_test_owner';
export const E2E_APP_ROLE = 'doudi_test_app';

function asRole(role: string, base: string = e2eDatabaseUrl()): string {
  const url = new URL(base);
  url.username = role;
  url.password = process.env.TEST_ROLE_PASSWORD ?? '';
  return url.toString();
}

export const e2eAppDatabaseUrl = () => asRole(E2E_APP_ROLE);
export const e2eOwnerDatabaseUrl = () => asRole(E2E_OWNER_ROLE);

/**
 * The production-mode server's own database (E2E_DATABASE_URL's name + _prod): no demo user, a
 * first admin created as `npm run admin:create` would (scripts/e2e-db.ts reset-production).
 */
export function e2eProductionDatabaseUrl(): string {
  const url = new URL(e2eDatabaseUrl());
  url.pathname = `${url.pathname}_prod`;
  return url.toString();
}
export const e2eProductionAppDatabaseUrl = () => asRole(E2E_APP_ROLE, e2eProductionDatabaseUrl());
export const e2eProductionOwnerDatabaseUrl = () => asRole(E2E_OWNER_ROLE, e2eProductionDatabaseUrl());
/** The first admin of the production-mode server, and the password they typed. */
export const E2E_FIRST_ADMIN = { username: 'juzhang', name: '刘建华', password: 'Lvliang-Minzheng-2026' };

export const e2ePort = Number(process.env.E2E_PORT || 3100);
export const e2ePglitePort = Number(process.env.E2E_PGLITE_PORT || 3101);
/** Port of the PostgreSQL-backed server in production mode (default E2E_PORT + 2). */
export const e2eProductionPort = Number(process.env.E2E_PRODUCTION_PORT || e2ePort + 2);

/** Base URL of the server backed by PostgreSQL (E2E_DATABASE_URL). */
export const e2eBaseUrl = `http://127.0.0.1:${e2ePort}`;
/** Base URL of the server in production mode (no demo user, second factor required). */
export const e2eProductionUrl = `http://127.0.0.1:${e2eProductionPort}`;
/** Base URL of the server on the embedded PGlite database (no DATABASE_URL). */
export const e2ePgliteUrl = `http://127.0.0.1:${e2ePglitePort}`;

export function e2ePgliteDir(): string {
  return path.resolve(process.env.E2E_PGLITE_DIR || path.join('test-results', 'pglite-data'));
}

/** Fixed, test-only secret (48 characters): never use it anywhere else. */
export const E2E_NEXTAUTH_SECRET = 'doudi-e2e-only-secret-0123456789abcdef0123456789';

export const chromiumPath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
