import fs from 'node:fs';
import path from 'node:path';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { lockDataDir } from './data-dir-lock';
import { PGLITE_START_PARAMS, pgliteTemplate, saveTemplate } from './pglite-template';
import { grantAppRole, roleOf } from './roles';
import * as schema from './schema';

export { DataDirInUseError } from './data-dir-lock';

/** Both drivers expose the same query builder; the PGlite one is typed as this one. */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface OpenDatabase {
  db: Db;
  kind: 'postgres' | 'pglite';
  close: () => Promise<void>;
}

const migrationsFolder = path.join(/* turbopackIgnore: true */ process.cwd(), 'db', 'migrations');
const MIGRATION_LOCK = 7_355_001; // pg_advisory_lock key: one app server migrates at a time

/**
 * A PostgreSQL server. Migrations run under `migrationUrl` (the owner role) when given, else
 * under `url`; with an owner URL of another role, the app's role (the user of `url`) is then
 * granted what the app may do (db/roles.ts), so the app itself never owns a table.
 */
export async function openPostgres(url: string, opts: { migrate?: boolean; max?: number; migrationUrl?: string } = {}): Promise<OpenDatabase> {
  if (opts.migrate !== false) {
    const one = postgres(opts.migrationUrl ?? url, { max: 1, onnotice: () => {} });
    try {
      await one`select pg_advisory_lock(${MIGRATION_LOCK})`;
      await migratePostgres(drizzlePostgres(one), { migrationsFolder });
      const app = roleOf(url);
      if (opts.migrationUrl && app && app !== roleOf(opts.migrationUrl)) await grantAppRole(one, app);
      await one`select pg_advisory_unlock(${MIGRATION_LOCK})`;
    } finally {
      await one.end();
    }
  }
  const client = postgres(url, { max: opts.max ?? 10, onnotice: () => {} });
  return { db: drizzlePostgres(client, { schema }), kind: 'postgres', close: () => client.end() };
}

/**
 * The embedded database under `dataDir` (PGlite in dataDir/pg), locked to this process.
 * A new folder is filled from the migrated template of this PGlite version and these
 * migrations when one was made on this machine (db/pglite-template.ts): PGlite's initdb,
 * which runs a second PostgreSQL and the initdb program side by side (about 880 MB and
 * several seconds), and the migrations are then skipped. Without one, the folder is made by
 * initdb and migrated, and becomes the template for the next new folder.
 */
export async function openPglite(dataDir: string): Promise<OpenDatabase> {
  const release = await lockDataDir(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const pgDir = path.join(dataDir, 'pg');
    const isNew = !fs.existsSync(path.join(pgDir, 'PG_VERSION'));
    const template = isNew ? pgliteTemplate(migrationsFolder) : null;
    const client = await PGlite.create({
      dataDir: pgDir,
      startParams: [...PGlite.defaultStartParams, ...PGLITE_START_PARAMS],
      loadDataDir: template?.exists ? new Blob([fs.readFileSync(template.path)]) : undefined,
    });
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder });
    if (template && !template.exists) await saveTemplate(client, template.path);
    return {
      db: db as unknown as Db,
      kind: 'pglite',
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (e) {
    release();
    throw e;
  }
}

export function openConfigured(): Promise<OpenDatabase> {
  const url = process.env.DATABASE_URL;
  if (url) return openPostgres(url, { migrationUrl: process.env.MIGRATION_DATABASE_URL || undefined });
  return openPglite(path.resolve(/* turbopackIgnore: true */ process.cwd(), process.env.DOUDI_DATA_DIR ?? '.data'));
}

// One database per process, held on globalThis: Next.js may load this module more than
// once (route handlers and server actions are bundled separately).
const holder = globalThis as unknown as { __doudiDatabase?: Promise<OpenDatabase> };

export function getDatabase(): Promise<OpenDatabase> {
  holder.__doudiDatabase ??= openConfigured().catch((e: unknown) => {
    holder.__doudiDatabase = undefined;
    throw e;
  });
  return holder.__doudiDatabase;
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db;
}

export async function closeDb(): Promise<void> {
  const open = holder.__doudiDatabase;
  holder.__doudiDatabase = undefined;
  if (open) await (await open).close();
}
