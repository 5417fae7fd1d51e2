// Embedded database (PGlite) bench: `npm run bench:embedded [-- --reuse]`.
//
// Times, each in a fresh process so that its peak memory is its own:
//   1. open + migrate a NEW data folder, the first on the machine (PGlite initdb, which then
//      leaves the template of db/pglite-template.ts) and a later one (from the template),
//   2. open an EXISTING data folder that holds an office of BENCH_HOUSEHOLDS households
//      (default 20,000; about 3 members each, from the registry generator), then two pages
//      of the household list and a name search against it (the app's searchHouseholds).
// Prints seconds and peak RSS (MB) against the targets (10 s, 500 MB); exit code 1 when one
// is missed. The office folder is built once under bench-results/embedded-office (kept with
// --reuse when it already holds BENCH_HOUSEHOLDS households).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === 'server-only') return next(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
      return next(specifier, context);
    }`),
);

const TARGET_S = 10;
const TARGET_MB = 500;
const households = Number(process.env.BENCH_HOUSEHOLDS ?? 20_000);
const officeDir = path.resolve(process.env.BENCH_EMBEDDED_DIR ?? path.join('bench-results', 'embedded-office'));

interface Measured {
  seconds: number;
  rssMB: number;
  households?: number;
  /** The list pages and a name search after the open, and the peak RSS with them. */
  work?: { seconds: number; rssMB: number };
}

const peakRssMB = () => Math.round(process.resourceUsage().maxRSS / 1024);

// ------------------------------------------------------------------ child phases
async function phaseOpen(dir: string): Promise<Measured> {
  const t0 = performance.now();
  process.env.DOUDI_DATA_DIR = dir;
  const { getDatabase, closeDb } = await import('@/db/client');
  const open = await getDatabase();
  const seconds = (performance.now() - t0) / 1000;
  const { count, eq } = await import('drizzle-orm');
  const schema = await import('@/db/schema');
  const [row] = await open.db.select({ n: count() }).from(schema.households);
  const out: Measured = { seconds, rssMB: peakRssMB(), households: row?.n ?? 0 };
  if (out.households) {
    // Then some work at office size, as the city-wide auditor: the first page of the household
    // list, the next one, and a search by a head's name.
    const { resolveSessionUser } = await import('@/lib/auth/session-check');
    const { searchHouseholds } = await import('@/lib/households/search');
    const [u] = await open.db.select().from(schema.users).where(eq(schema.users.username, 'auditor'));
    const user = await resolveSessionUser(open.db, { uid: u!.id, sv: u!.sessionVersion, loginAt: Math.floor(Date.now() / 1000) }, Date.now());
    const t1 = performance.now();
    const first = await searchHouseholds(user!, {});
    await searchHouseholds(user!, { after: first.nextCursor });
    const [h] = await open.db.select({ name: schema.households.headName }).from(schema.households).limit(1);
    await searchHouseholds(user!, { q: h!.name });
    out.work = { seconds: (performance.now() - t1) / 1000, rssMB: peakRssMB() };
  }
  await closeDb();
  return out;
}

/** postgres.js's `Sql` as far as generateRegistry uses it, over a PGlite client. */
function pgliteSql(client: import('@electric-sql/pglite').PGlite): import('postgres').Sql {
  const unsafe = async (text: string, params?: unknown[]) => {
    if (!params) {
      const results = await client.exec(text);
      return Object.assign(results.at(-1)?.rows ?? [], { count: results.at(-1)?.affectedRows ?? 0 });
    }
    const r = await client.query(text, params);
    return Object.assign(r.rows, { count: r.affectedRows ?? r.rows.length });
  };
  const tagged = (strings: TemplateStringsArray, ...values: unknown[]) =>
    unsafe(strings.reduce((acc, s, i) => acc + `$${i}` + s), values);
  const conn = Object.assign(tagged, { unsafe, release: () => {} });
  return { reserve: async () => conn } as unknown as import('postgres').Sql;
}

async function phaseFill(dir: string): Promise<Measured> {
  const t0 = performance.now();
  const { openPglite } = await import('@/db/client');
  const { seedDemo } = await import('@/db/seed/demo');
  const { generateRegistry } = await import('./generate-registry');
  const open = await openPglite(dir);
  await seedDemo(open.db, (m) => console.error(`  seed: ${m}`));
  const client = (open.db as unknown as { $client: import('@electric-sql/pglite').PGlite }).$client;
  const res = await generateRegistry(pgliteSql(client), { households, log: (m) => console.error(`  ${m}`) });
  await open.close();
  return { seconds: (performance.now() - t0) / 1000, rssMB: peakRssMB(), households: res.households };
}

const phase = process.argv.find((a) => a.startsWith('--phase='))?.slice('--phase='.length);
if (phase) {
  const dir = process.argv.at(-1)!;
  const out = phase === 'fill' ? await phaseFill(dir) : await phaseOpen(dir);
  console.log(JSON.stringify(out));
  process.exit(0);
}

// ------------------------------------------------------------------ parent
function child(phaseName: string, dir: string, env: Record<string, string> = {}): Promise<Measured> {
  const args = ['--import', 'tsx', import.meta.filename, `--phase=${phaseName}`, dir];
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: '', ...env } });
    let out = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    p.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`phase ${phaseName} exited with ${code}`));
      resolve(JSON.parse(out.trim().split('\n').at(-1)!) as Measured);
    });
  });
}

const temps: string[] = [];
const fresh = () => {
  temps.push(fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-embedded-bench-')));
  return temps.at(-1)!;
};
let failed = false;
const line = (label: string, m: { seconds: number; rssMB: number }, target = true) => {
  const ok = m.seconds < TARGET_S && m.rssMB < TARGET_MB;
  if (target) failed ||= !ok;
  console.log(`${label.padEnd(64)} ${m.seconds.toFixed(2).padStart(6)} s ${String(m.rssMB).padStart(5)} MB peak RSS  ` +
    (target ? `(target < ${TARGET_S} s, < ${TARGET_MB} MB) ${ok ? 'PASS' : 'FAIL'}` : '(once per machine, PGlite version and set of migrations)'));
};
try {
  // The first new folder on a machine: PGlite's initdb and every migration, which then leaves
  // the template (db/pglite-template.ts) that every later new folder starts from.
  const templates = { DOUDI_PGLITE_TEMPLATES: fresh() };
  const cold = await child('open', fresh(), templates);
  const created = await child('open', fresh(), templates);
  line('open + migrate a new data folder', created);
  line('  the first on this machine (initdb, makes the template)', cold, false);

  const probe = fs.existsSync(path.join(officeDir, 'pg')) && process.argv.includes('--reuse') ? await child('open', officeDir) : null;
  if (probe?.households !== households) {
    fs.rmSync(officeDir, { recursive: true, force: true });
    fs.mkdirSync(officeDir, { recursive: true });
    console.log(`building an office of ${households.toLocaleString('en')} households in ${officeDir} …`);
    const filled = await child('fill', officeDir);
    console.log(`  built in ${filled.seconds.toFixed(1)} s, ${filled.rssMB} MB peak RSS`);
  }
  const office = await child('open', officeDir);
  if (office.households !== households) throw new Error(`the office folder holds ${office.households} households, not ${households}`);
  line(`open an existing folder (${households.toLocaleString('en')} households)`, office);
  line('  then two list pages and a name search (peak RSS so far)', office.work!);
} finally {
  for (const t of temps) fs.rmSync(t, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
