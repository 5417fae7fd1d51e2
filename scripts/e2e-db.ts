// Prepares and removes the databases of the Playwright run (see playwright.config.ts).
//
//   tsx scripts/e2e-db.ts reset         drop + create E2E_DATABASE_URL, migrate it, seed the demo data
//   tsx scripts/e2e-db.ts drop          drop E2E_DATABASE_URL and its _prod twin (if they exist)
//   tsx scripts/e2e-db.ts reset-production  drop + create E2E_DATABASE_URL's _prod twin, migrate,
//                                       seed the reference data only (production mode: no demo
//                                       user) and create the first admin (E2E_FIRST_ADMIN)
//   tsx scripts/e2e-db.ts pglite-reset  empty the PGlite folder E2E_PGLITE_DIR (seeded afterwards
//                                       by `tsx scripts/seed.ts` with DOUDI_DATA_DIR pointing at it)
//
// Guard rails: only databases whose name starts with doudi_e2e are ever dropped, and only a
// folder that is empty or was created by this script (it holds a .doudi-e2e marker) is wiped.
import fs from 'node:fs';
import path from 'node:path';
import postgres from 'postgres';
import { openPostgres } from '@/db/client';
import { ensureRoles } from '@/db/roles';
import { seedDemo, seedProduction } from '@/db/seed/demo';
import {
  E2E_APP_ROLE,
  E2E_FIRST_ADMIN,
  E2E_OWNER_ROLE,
  e2eAppDatabaseUrl,
  e2eDatabaseTarget as target,
  e2eOwnerDatabaseUrl,
  e2ePgliteDir,
  e2eProductionAppDatabaseUrl,
  e2eProductionDatabaseUrl,
  e2eProductionOwnerDatabaseUrl,
} from '../e2e/support/env';

const MARKER = '.doudi-e2e';

async function dropDatabase(url?: string): Promise<void> {
  const { name, adminUrl } = target(url);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
  } finally {
    await admin.end();
  }
  console.log(`e2e: dropped database ${name}`);
}

async function createEmpty(url?: string): Promise<string> {
  const { name, adminUrl } = target(url);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await ensureRoles(admin, E2E_OWNER_ROLE, E2E_APP_ROLE);
    await admin.unsafe(`create database "${name}" owner "${E2E_OWNER_ROLE}"`);
  } finally {
    await admin.end();
  }
  return name;
}

async function resetDatabase(): Promise<void> {
  const started = Date.now();
  const name = await createEmpty();
  // Migrated as the owner, seeded as the app, as a deployed server would be.
  const open = await openPostgres(e2eAppDatabaseUrl(), { migrate: true, migrationUrl: e2eOwnerDatabaseUrl(), max: 2 });
  try {
    await seedDemo(open.db);
  } finally {
    await open.close();
  }
  console.log(`e2e: database ${name} created, migrated and seeded in ${Date.now() - started} ms`);
}

async function resetProductionDatabase(): Promise<void> {
  const started = Date.now();
  const name = await createEmpty(e2eProductionDatabaseUrl());
  const open = await openPostgres(e2eProductionAppDatabaseUrl(), { migrate: true, migrationUrl: e2eProductionOwnerDatabaseUrl(), max: 2 });
  try {
    await seedProduction(open.db, () => {});
    // lib/ imports server-only: this command runs with scripts/support/allow-server-only.mjs.
    const { createFirstAdmin } = await import('@/lib/users/first-admin');
    await createFirstAdmin(open.db, { username: E2E_FIRST_ADMIN.username, name: E2E_FIRST_ADMIN.name, password: E2E_FIRST_ADMIN.password });
  } finally {
    await open.close();
  }
  console.log(`e2e: production database ${name} created, migrated, seeded and given its first admin in ${Date.now() - started} ms`);
}

function resetPgliteDir(): void {
  const dir = e2ePgliteDir();
  if (fs.existsSync(dir)) {
    const entries = fs.readdirSync(dir);
    if (entries.length > 0 && !entries.includes(MARKER)) {
      throw new Error(`refusing to wipe ${dir}: it is not empty and was not created by scripts/e2e-db.ts`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, MARKER), 'PGlite data of the e2e run; wiped at every run.\n');
  console.log(`e2e: emptied PGlite folder ${dir}`);
}

const command = process.argv[2];
switch (command) {
  case 'reset':
    await resetDatabase();
    break;
  case 'drop':
    await dropDatabase();
    await dropDatabase(e2eProductionDatabaseUrl());
    break;
  case 'reset-production':
    await resetProductionDatabase();
    break;
  case 'pglite-reset':
    resetPgliteDir();
    break;
  default:
    console.error('usage: tsx scripts/e2e-db.ts reset|drop|pglite-reset');
    process.exit(2);
}
