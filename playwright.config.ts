// Playwright end-to-end tests: three production builds served (`next start`, so `next build` must
// have run first — scripts/test-all.sh does it): on PostgreSQL in demo mode, on PostgreSQL in
// production mode (its own database E2E_DATABASE_URL_prod: no demo user, second factor required;
// specs *.production.spec.ts), and on embedded PGlite.
//
// Database lifecycle (why it lives in the webServer commands):
//   Playwright 1.65 runs, in this order: clear outputDir (test-results/) → start every
//   webServer (one after the other, each until its url answers) → globalSetup → tests →
//   globalSetup's teardown → globalTeardown → stop the webServers. globalSetup therefore runs
//   too late to prepare a database for the server. Instead each webServer command prepares
//   its own database first and only then execs `next start`:
//     postgres  tsx scripts/e2e-db.ts reset   drop+create E2E_DATABASE_URL, migrate, seed demo
//     pglite    tsx scripts/e2e-db.ts pglite-reset, then tsx scripts/seed.ts with
//               DOUDI_DATA_DIR=E2E_PGLITE_DIR — the seed process exits (and releases PGlite's
//               one-process lock) before `next start` opens the folder.
//   The database name is deterministic (E2E_DATABASE_URL, default .../doudi_e2e) because this
//   file is evaluated again in every worker process: a random name would differ per process.
//   scripts/test-all.sh sets a per-run E2E_DATABASE_URL and drops it in an EXIT trap, so the
//   database goes away even when Playwright dies; e2e/global-teardown.ts drops it as well at
//   the end of a normal run (E2E_KEEP_DB=1 keeps it for debugging). Both drops use IF EXISTS.
//
// Specs: e2e/**/*.spec.ts run in project `postgres` (baseURL E2E_PORT, default 3100);
//        e2e/**/*.pglite.spec.ts run in project `pglite` (baseURL E2E_PGLITE_PORT, default 3101).
// Both base URLs are also exported to specs as E2E_BASE_URL and E2E_PGLITE_URL, and the
// database as E2E_DATABASE_URL (see e2e/support/db.ts).
import { defineConfig, devices } from '@playwright/test';
import {
  E2E_NEXTAUTH_SECRET,
  chromiumPath,
  e2eBaseUrl,
  e2eAppDatabaseUrl,
  e2eDatabaseUrl,
  e2eOwnerDatabaseUrl,
  e2ePglitePort,
  e2ePgliteDir,
  e2ePgliteUrl,
  e2ePort,
  e2eProductionAppDatabaseUrl,
  e2eProductionOwnerDatabaseUrl,
  e2eProductionPort,
  e2eProductionUrl,
} from './e2e/support/env';

// Workers inherit the runner's environment; set these once so specs read the same values.
process.env.E2E_DATABASE_URL = e2eDatabaseUrl();
process.env.E2E_BASE_URL = e2eBaseUrl;
process.env.E2E_PGLITE_URL = e2ePgliteUrl;
process.env.E2E_PRODUCTION_URL = e2eProductionUrl;

const serverEnv = {
  NODE_ENV: 'production',
  NEXTAUTH_SECRET: E2E_NEXTAUTH_SECRET,
  NEXT_TELEMETRY_DISABLED: '1',
};

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  globalSetup: './e2e/global-setup.ts',
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL: e2eBaseUrl,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      // Playwright cannot download its own browsers here: use the distribution's Chromium.
      executablePath: chromiumPath,
      args: [
        '--no-sandbox',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'postgres',
      // multinode.spec.ts needs two servers behind nginx: playwright.multinode.config.ts.
      testIgnore: [/\.(pglite|production)\.spec\.ts$/, /multinode\.spec\.ts$/],
      use: { ...devices['Desktop Chrome'], baseURL: e2eBaseUrl },
    },
    {
      name: 'pglite',
      testMatch: /\.pglite\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], baseURL: e2ePgliteUrl },
    },
    {
      name: 'production',
      testMatch: /\.production\.spec\.ts$/,
      use: { ...devices['Desktop Chrome'], baseURL: e2eProductionUrl },
    },
  ],
  webServer: [
    {
      name: 'postgres',
      command: `npx tsx scripts/e2e-db.ts reset && exec npx next start -p ${e2ePort} -H 127.0.0.1`,
      url: `${e2eBaseUrl}/api/health`,
      env: {
        ...serverEnv,
        // The app's role for queries, the owner's for migrations (least privilege, db/roles.ts).
        DATABASE_URL: e2eAppDatabaseUrl(),
        MIGRATION_DATABASE_URL: e2eOwnerDatabaseUrl(),
        NEXTAUTH_URL: e2eBaseUrl,
        // A PostgreSQL server is production unless told otherwise (lib/core/deployment.ts): these
        // specs sign in as the demo users, so this server runs in demo mode.
        DOUDI_DEMO: '1',
        // e2e/sign-in.spec.ts connects from 127.0.0.2 as "the proxy"; the browser (127.0.0.1) is a direct client.
        TRUSTED_PROXIES: '127.0.0.2',
        // 材料 uploaded by the specs: apart from a dev server's `.data/documents`.
        DOUDI_DOCUMENTS_DIR: '.data/e2e-documents',
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      // Production mode: no demo user and no banner; the first admin is created as
      // `npm run admin:create` would, and the second factor is required of privileged roles.
      name: 'production',
      command:
        'npx tsx --import ./scripts/support/allow-server-only.mjs scripts/e2e-db.ts reset-production && ' +
        `exec npx next start -p ${e2eProductionPort} -H 127.0.0.1`,
      url: `${e2eProductionUrl}/api/health`,
      env: {
        ...serverEnv,
        DATABASE_URL: e2eProductionAppDatabaseUrl(),
        MIGRATION_DATABASE_URL: e2eProductionOwnerDatabaseUrl(),
        NEXTAUTH_URL: e2eProductionUrl,
        DOUDI_DEMO: '0',
      },
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
    {
      name: 'pglite',
      command:
        'npx tsx scripts/e2e-db.ts pglite-reset && npx tsx scripts/seed.ts && ' +
        `exec npx next start -p ${e2ePglitePort} -H 127.0.0.1`,
      url: `${e2ePgliteUrl}/api/health`,
      env: {
        ...serverEnv,
        // Empty = absent for the app (it checks truthiness): never inherit the caller's DATABASE_URL.
        DATABASE_URL: '',
        DOUDI_DATA_DIR: e2ePgliteDir(),
        NEXTAUTH_URL: e2ePgliteUrl,
      },
      reuseExistingServer: false,
      timeout: 180_000,
      stdout: 'pipe',
      stderr: 'pipe',
    },
  ],
});
