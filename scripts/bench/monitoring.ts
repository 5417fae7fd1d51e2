// 监测预警 bench: `npm run bench:monitoring [-- --reuse]`.
//
// Builds doudi_bench_monitoring on the server of BENCH_DATABASE_URL: migrated and seeded like the
// app, BENCH_HOUSEHOLDS households (default 1,000,000, about 3,000,000 members) from the registry
// generator, a quarter of them on dibao (active). Then imports, through the app's own
// importMonitoringFile() as a city-level user, a death file (公安 / 殡葬) of BENCH_DEATHS rows
// (default 100,000: nine in ten are members of the registry, one in ten unknown IDs), which
// parses, checks every line, stores the rows and raises the death-while-paid alerts set-based;
// then the same file again (no new alert). Prints the times; exit code 1 when the first import
// misses 10 s. --reuse keeps the registry (the death rows and alerts are cleared first).
import { register } from 'node:module';
import postgres from 'postgres';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === 'server-only') return next(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
      return next(specifier, context);
    }`),
);

const DB_NAME = 'doudi_bench_monitoring';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const households = Number(process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
const deaths = Number(process.env.BENCH_DEATHS ?? 100_000);
const TARGET_S = 10;
const reuse = process.argv.includes('--reuse');
const withDatabase = (url: string, db: string) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();
const benchUrl = withDatabase(serverUrl, DB_NAME);
process.env.DATABASE_URL = benchUrl;
const log = (m: string) => console.log(`  ${m}`);

const { openPostgres } = await import('@/db/client');
const { seedDemo } = await import('@/db/seed/demo');
const { generateRegistry } = await import('./generate-registry');
const { importMonitoringFile } = await import('@/lib/monitoring/import-file');
const { idCheckDigit } = await import('@/lib/core/resident-id');

async function count(sql: postgres.Sql, table: string): Promise<number | null> {
  try {
    const [r] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`);
    return r?.n ?? 0;
  } catch {
    return null;
  }
}

const admin = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
let sql = postgres(benchUrl, { max: 1, onnotice: () => {} });
const existing = reuse ? await count(sql, 'households') : null;
if (existing !== households) {
  await sql.end();
  await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
  await admin.unsafe(`create database "${DB_NAME}"`);
  const open = await openPostgres(benchUrl, { max: 2 }); // migrates
  try {
    await seedDemo(open.db, log);
  } finally {
    await open.close();
  }
  sql = postgres(benchUrl, { max: 1, onnotice: () => {} });
  await generateRegistry(sql, { households, log });
  const t = performance.now();
  await sql.unsafe(`insert into enrollments (program, household_id, status, county_code, township_code, village_code, start_month)
    select 'dibao', h.id, 'active', h.county_code, h.township_code, h.village_code, '2026-01'
    from households h where hashtext(h.id::text) % 4 = 0`);
  await sql.unsafe('vacuum (analyze) enrollments');
  log(`dibao enrollments for a quarter of the households (${((performance.now() - t) / 1000).toFixed(1)} s)`);
}
await admin.end();
await sql.unsafe(`delete from monitoring_alerts; delete from death_reports; delete from monitoring_imports`);
const members = (await count(sql, 'members')) ?? 0;

// The file: nine in ten rows are registry members (a random sample), the rest valid IDs nobody holds.
const known = await sql<{ id_number: string; name: string }[]>`
  select id_number, name from members where status = 'active' order by random() limit ${Math.round(deaths * 0.9)}`;
const lines = ['身份证号,姓名,死亡日期'];
for (const m of known) lines.push(`${m.id_number},${m.name},2026-10-${String(1 + (lines.length % 28)).padStart(2, '0')}`);
for (let i = 0; lines.length <= deaths; i++) {
  const first17 = `1411301930${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}${String(i % 1000).padStart(3, '0')}`;
  lines.push(`${first17}${idCheckDigit(first17)},未知人员,2026-10-15`);
}
const bytes = new TextEncoder().encode(`${lines.join('\n')}\n`);
const [u] = await sql<{ id: string; name: string }[]>`select id, name from users where username = 'supervisor'`;
const user = { id: u!.id, name: u!.name, username: 'supervisor', role: 'supervisor', regionCode: '141100', regionLevel: 'city', regionName: '吕梁市' } as never;

console.log(`\n监测预警 bench: ${deaths.toLocaleString('en')} death rows against ${members.toLocaleString('en')} members (${households.toLocaleString('en')} households)`);
const time = async (label: string) => {
  const t = performance.now();
  const out = await importMonitoringFile(user, 'death', { name: 'deaths.csv', bytes });
  const s = (performance.now() - t) / 1000;
  if (!out.ok) throw new Error(`import refused: ${out.message} ${JSON.stringify(out.errors.slice(0, 3))}`);
  console.log(`  ${label}: ${s.toFixed(2)} s — ${out.rows.toLocaleString('en')} rows, ${out.alerts.toLocaleString('en')} alerts`);
  return { s, alerts: out.alerts };
};
const first = await time('first import');
const again = await time('same file again');
await sql.end();
console.log(`  target: first import < ${TARGET_S} s — ${first.s < TARGET_S ? 'met' : 'MISSED'}; the second raised ${again.alerts} alerts (expected 0)`);
if (first.s >= TARGET_S || again.alerts !== 0) process.exitCode = 1;
process.exit();
