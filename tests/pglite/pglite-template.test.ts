import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '@/db/client';
import { pgliteTemplate } from '@/db/pglite-template';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-template-'));
const saved = process.env.DOUDI_PGLITE_TEMPLATES;
afterAll(() => {
  if (saved === undefined) delete process.env.DOUDI_PGLITE_TEMPLATES;
  else process.env.DOUDI_PGLITE_TEMPLATES = saved;
  fs.rmSync(root, { recursive: true, force: true });
});
const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');
// The Db type is postgres.js's; PGlite's execute() answers { rows }.
const rows = <T>(result: unknown) => (result as { rows: T[] }).rows;
const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };

describe('the template new embedded data folders start from', () => {
  it('is made by the first new folder and stands for exactly its migrations', async () => {
    process.env.DOUDI_PGLITE_TEMPLATES = path.join(root, 'templates');
    expect(pgliteTemplate(migrationsFolder)).toMatchObject({ exists: false });

    const systemId = sql`select system_identifier::text as id from pg_control_system()`;
    const first = await openPglite(path.join(root, 'first')); // initdb + migrations, then saved
    const firstId = rows<{ id: string }>(await first.db.execute(systemId))[0]!.id;
    await first.close();
    const template = pgliteTemplate(migrationsFolder)!;
    expect(template.exists).toBe(true);

    const second = await openPglite(path.join(root, 'second')); // loaded from the template
    expect(rows<{ id: string }>(await second.db.execute(systemId))[0]!.id).toBe(firstId); // initdb would make a new one
    const applied = rows<{ n: number }>(await second.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`));
    expect(applied[0]!.n).toBe(journal.entries.length);
    const tables = rows<{ n: number }>(await second.db.execute(sql`select count(*)::int as n from pg_tables where schemaname = 'public'`));
    expect(tables[0]!.n).toBeGreaterThan(30);
    await second.close();

    // Another migration (here: one more file in a copy of the folder) is another template.
    const copy = path.join(root, 'migrations');
    fs.cpSync(migrationsFolder, copy, { recursive: true });
    expect(pgliteTemplate(copy)!.path).toBe(template.path);
    fs.writeFileSync(path.join(copy, '9999_next.sql'), 'select 1;');
    expect(pgliteTemplate(copy)).toMatchObject({ exists: false });
    expect(pgliteTemplate(copy)!.path).not.toBe(template.path);
  });
});
