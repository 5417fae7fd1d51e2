// Runs once per `vitest run --project integration`, before any test file.
//
// Creates a brand-new database doudi_it_<random> on the server named by TEST_DATABASE_URL
// (default postgres://postgres@127.0.0.1:5432/postgres — only its host, port, user and
// password are used), migrates it with the app's own drizzle migrations, loads the demo
// seed, hands its URL to tests as inject('databaseUrl'), and drops it again at teardown.
// The developer's own database (DATABASE_URL) is never touched.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openPostgres } from '@/db/client';
import { seedDemo } from '@/db/seed/demo';

const DEFAULT_SERVER_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_SERVER_URL;
  const adminUrl = withDatabase(serverUrl, 'postgres');
  const name = `doudi_it_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  const databaseUrl = withDatabase(serverUrl, name);

  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}"`);
  } catch (e) {
    await admin.end();
    throw new Error(
      `integration tests: cannot create a database on ${new URL(adminUrl).host} ` +
        `(set TEST_DATABASE_URL to a PostgreSQL server where this user may CREATE DATABASE): ${String(e)}`,
    );
  }

  const drop = async () => {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.end();
  };

  try {
    const open = await openPostgres(databaseUrl, { migrate: true, max: 2 });
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
  return async () => {
    if (process.env.KEEP_TEST_DATABASE === '1') {
      console.log(`integration tests: kept database ${databaseUrl}`);
      await admin.end();
      return;
    }
    await drop();
  };
}
