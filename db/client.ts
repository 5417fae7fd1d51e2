import fs from 'node:fs';
import path from 'node:path';
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import { grantAppRole, roleOf } from './roles';
import * as schema from './schema';

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

export class DataDirInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `嵌入式数据库目录 ${dir} 正被另一个进程（PID ${pid}）使用。PGlite 只允许一个进程打开它：` +
        `请先停止那个进程，或设置 DATABASE_URL 使用 PostgreSQL 服务器。`,
    );
    this.name = 'DataDirInUseError';
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** PGlite has no lock of its own: a second process writing the same folder corrupts it. */
function lockDataDir(dataDir: string): () => void {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'doudi.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      const release = () => {
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(lockPath, 'utf8'));
      if (pid && pid !== process.pid && processAlive(pid)) throw new DataDirInUseError(dataDir, pid);
      fs.unlinkSync(lockPath); // left behind by a process that died
    }
  }
  throw new Error(`cannot lock ${dataDir}`);
}

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

export async function openPglite(dataDir: string): Promise<OpenDatabase> {
  const release = lockDataDir(dataDir);
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { drizzle } = await import('drizzle-orm/pglite');
    const { migrate } = await import('drizzle-orm/pglite/migrator');
    const client = await PGlite.create(path.join(dataDir, 'pg'));
    const db = drizzle(client, { schema });
    await migrate(db, { migrationsFolder });
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
