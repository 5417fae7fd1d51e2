// Runs once per `vitest run --project integration`, before any test file.
//
// Creates a brand-new database doudi_it_<random> on the server named by TEST_DATABASE_URL
// (default postgres://postgres@127.0.0.1:5432/postgres — only its host, port, user and
// password are used; that user must be a superuser, it creates the roles), owned by the owner
// role doudi_test_owner, migrates it as that role with the app's own drizzle migrations, grants
// the app role doudi_test_app what the app may do (db/roles.ts), loads the demo seed as the app,
// hands the app's URL to tests as inject('databaseUrl') (and the owner's as
// inject('ownerDatabaseUrl'), for the few tests that must act above the app), and drops the
// database again at teardown. The developer's own database (DATABASE_URL) is never touched.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '@/db/client';
import { ensureRoles } from '@/db/roles';
import { seedDemo } from '@/db/seed/demo';

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export const TEST_OWNER_ROLE = 'doudi_test_owner';
export const TEST_APP_ROLE = 'doudi_test_app';

function withDatabase(serverUrl: string, database: string, role?: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  if (role) {
    url.username = role;
    url.password = process.env.TEST_ROLE_PASSWORD ?? '';
  }
  return url.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_SERVER_URL;
  const adminUrl = withDatabase(serverUrl, 'postgres');
  const name = `doudi_it_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(serverUrl, name, TEST_APP_ROLE);
  const ownerUrl = withDatabase(serverUrl, name, TEST_OWNER_ROLE);

  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await ensureRoles(admin, TEST_OWNER_ROLE, TEST_APP_ROLE);
    await admin.unsafe(`create database "${name}" owner "${TEST_OWNER_ROLE}"`);
  } catch (e) {
    await admin.end();
    throw new Error(
      `integration tests: cannot create a database on ${new URL(adminUrl).host} ` +
        `(set TEST_DATABASE_URL to a PostgreSQL server where this user may CREATE ROLE and CREATE DATABASE): ${String(e)}`,
    );
  }

  const drop = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };

  try {
    const open = await openPostgres(databaseUrl, { migrate: true, migrationUrl: ownerUrl, max: 2 });
    try {
      await seedDemo(open.db);
    } finally {
      await open.close();
    }
  } catch (e) {
    await drop();
    throw e;
  }

  project.provide('databaseUrl', databaseUrl);
  project.provide('ownerDatabaseUrl', ownerUrl);
  return async () => {
    if (process.env.KEEP_TEST_DATABASE === '1') {
      console.log(`integration tests: kept database ${databaseUrl}`);
      await admin.end();
      return;
    }
    await drop();
  };
}
