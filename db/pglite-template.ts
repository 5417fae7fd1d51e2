// A migrated, empty embedded database kept as a tarball, from which new data folders start.
//
// PGlite makes a new folder with initdb: it starts a second PostgreSQL and the initdb
// program beside the first, which on this machine takes 5–10 s and about 880 MB of memory,
// and the 30-odd migrations follow. The first folder made on a machine is dumped, once
// migrated, to node_modules/.cache/doudi-pglite/<key>.tar.gz (DOUDI_PGLITE_TEMPLATES
// elsewhere); later new folders (a reset .data, each test and e2e run) load it with PGlite's
// `loadDataDir` instead: no initdb, no migration. The key is a hash of the PGlite version and
// every file of db/migrations, so a new migration or another PGlite makes a new template
// (and a template never stands for other migrations than its own).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Settings the embedded server starts with, after PGlite's own start parameters. 32 MB of
 * shared buffers instead of 128 MB: an office's registry fits, and the server process stays
 * under 500 MB (the buffers are WebAssembly memory, never given back once touched).
 */
export const PGLITE_START_PARAMS = ['-c', 'shared_buffers=32MB'];

export function templateDir(): string {
  return process.env.DOUDI_PGLITE_TEMPLATES || path.join(/* turbopackIgnore: true */ process.cwd(), 'node_modules', '.cache', 'doudi-pglite');
}

function pgliteVersion(): string | null {
  try {
    const pkg = path.join(/* turbopackIgnore: true */ process.cwd(), 'node_modules', '@electric-sql', 'pglite', 'package.json');
    return (JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

/** The template for these migrations and the installed PGlite, and whether it was made yet. */
export function pgliteTemplate(migrationsFolder: string): { path: string; exists: boolean } | null {
  const version = pgliteVersion();
  if (!version) return null;
  const hash = crypto.createHash('sha256').update(`pglite ${version}\n${PGLITE_START_PARAMS.join(' ')}\n`);
  const walk = (dir: string): string[] =>
    fs
      .readdirSync(dir, { withFileTypes: true })
      .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
      .sort();
  for (const file of walk(migrationsFolder)) hash.update(`${path.relative(migrationsFolder, file)}\n`).update(fs.readFileSync(file));
  const file = path.join(templateDir(), `${hash.digest('hex').slice(0, 24)}.tar.gz`);
  return { path: file, exists: fs.existsSync(file) };
}

/**
 * Dumps a freshly migrated database as the template. Written under a private name and
 * renamed, so a reader never sees half a tarball; a failure only costs the next folder an
 * initdb.
 */
export async function saveTemplate(client: PGlite, file: string): Promise<void> {
  const tmp = `${file}.${process.pid}.${crypto.randomUUID()}`;
  try {
    await client.exec('checkpoint');
    const tar = Buffer.from(await (await client.dumpDataDir('gzip')).arrayBuffer());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(tmp, tar);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    console.warn(`嵌入式数据库模板未能保存（${file}）：${(e as Error).message}`);
  }
}
