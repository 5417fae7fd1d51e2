// Registry speed bench: `npm run bench [-- --reuse]`.
//
// Builds a fresh database doudi_bench on the server of BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/), migrates and seeds it like the app does, fills it with
// BENCH_HOUSEHOLDS households (default 1,000,000; about 3 members each) and then times the
// application's own searchHouseholds() for the search kinds and list pages the registry
// promises to serve fast. Prints median / p95 per case against its target, the plan's top
// node and the indexes it uses, and writes everything to bench-results/registry.json.
//
//   --reuse              keep doudi_bench when it already holds BENCH_HOUSEHOLDS households
//   BENCH_ITERATIONS     timed calls per case (default 100, after a warm-up)
//
// Exit code 1 when a target is missed.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { generateRegistry, type GenerateResult } from './bench/generate-registry';

// Library modules `import 'server-only'`, which throws outside a React Server Components
// bundle. Resolve it with the react-server condition, under which the package itself
// exports an empty module. Every app module is therefore imported dynamically, below.
register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === 'server-only') return next(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
      return next(specifier, context);
    }`),
);

// `--only=registry` or `--only=payouts`; by default both, the payout bench (scripts/bench/payouts.ts)
// after this one, in a process of its own so that its memory measurement is its own.
const only = process.argv.find((a) => a.startsWith('--only='))?.slice('--only='.length);
function payoutBench(): Promise<number> {
  const args = ['--import', 'tsx', path.join(import.meta.dirname, 'bench', 'payouts.ts'), ...process.argv.slice(2).filter((a) => a === '--reuse')];
  return new Promise((resolve) => spawn(process.execPath, args, { stdio: 'inherit' }).once('exit', (code) => resolve(code ?? 1)));
}
if (only === 'payouts') process.exit(await payoutBench());

const DB_NAME = 'doudi_bench';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const households = Number(process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
const iterations = Number(process.env.BENCH_ITERATIONS ?? 100);
const reuse = process.argv.includes('--reuse');
if (!Number.isInteger(households) || households < 1000) throw new Error('BENCH_HOUSEHOLDS must be an integer ≥ 1000');

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
const benchUrl = withDatabase(serverUrl, DB_NAME);
process.env.DATABASE_URL = benchUrl; // getDb() of the app modules reads it

const { openPostgres } = await import('@/db/client');
const { seedDemo } = await import('@/db/seed/demo');
const schema = await import('@/db/schema');
const { drizzle } = await import('drizzle-orm/postgres-js');
const { eq } = await import('drizzle-orm');

// ---------------------------------------------------------------- database
async function existingHouseholds(): Promise<number | null> {
  const admin = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    const [found] = await admin`select 1 from pg_database where datname = ${DB_NAME}`;
    if (!found) return null;
  } finally {
    await admin.end();
  }
  const sql = postgres(benchUrl, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from households`;
    return row?.n ?? 0;
  } catch {
    return null;
  } finally {
    await sql.end();
  }
}

async function buildDatabase(): Promise<GenerateResult> {
  const admin = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
    await admin.unsafe(`create database "${DB_NAME}"`);
  } finally {
    await admin.end();
  }
  const open = await openPostgres(benchUrl, { max: 2 }); // opening migrates
  try {
    await seedDemo(open.db, (m) => console.log(`  seed: ${m}`));
  } finally {
    await open.close();
  }
  const sql = postgres(benchUrl, { max: 1, onnotice: () => {} });
  try {
    return await generateRegistry(sql, { households, log: (m) => console.log(`  ${m}`) });
  } finally {
    await sql.end();
  }
}

const started = performance.now();
let generation: GenerateResult | 'reused';
const have = reuse ? await existingHouseholds() : null;
if (have === households) {
  console.log(`Reusing ${DB_NAME} (${households.toLocaleString('en')} households).`);
  generation = 'reused';
  await (await openPostgres(benchUrl, { max: 1 })).close(); // apply any newer migration
} else {
  console.log(`Building ${DB_NAME} with ${households.toLocaleString('en')} households…`);
  generation = await buildDatabase();
  console.log(
    `Generated ${generation.households.toLocaleString('en')} households and ${generation.members.toLocaleString('en')} members in ` +
      `${generation.seconds.total.toFixed(0)} s (households ${generation.seconds.households.toFixed(0)} s, ` +
      `members ${generation.seconds.members.toFixed(0)} s, vacuum analyze ${generation.seconds.vacuumAnalyze.toFixed(0)} s).`,
  );
}

// The app's database handle, installed where getDb() looks for it, with a logger so the
// exact SQL of a call can be EXPLAINed. Same driver and pool size as openPostgres().
let capture: { query: string; params: unknown[] }[] | null = null;
const appClient = postgres(benchUrl, { max: 10, onnotice: () => {} });
const appDb = drizzle(appClient, {
  schema,
  logger: { logQuery: (query, params) => void capture?.push({ query, params }) },
});
(globalThis as { __doudiDatabase?: Promise<unknown> }).__doudiDatabase = Promise.resolve({
  db: appDb,
  kind: 'postgres',
  close: () => appClient.end(),
});
const { searchHouseholds } = await import('@/lib/households/search');
const { resolveSessionUser } = await import('@/lib/auth/session-check');
type SearchParams = Parameters<typeof searchHouseholds>[1];
type SessionUser = Parameters<typeof searchHouseholds>[0];

async function sessionUser(username: string): Promise<SessionUser> {
  const [u] = await appDb
    .select({ id: schema.users.id, sv: schema.users.sessionVersion })
    .from(schema.users)
    .where(eq(schema.users.username, username));
  if (!u) throw new Error(`demo user ${username} missing`);
  const user = await resolveSessionUser(appDb, { uid: u.id, sv: u.sv, loginAt: Math.floor(Date.now() / 1000) }, Date.now());
  if (!user) throw new Error(`demo user ${username} has no valid session`);
  return user;
}
const supervisor = await sessionUser('supervisor'); // 交口县 141130
const auditor = await sessionUser('auditor'); // 吕梁市, city-wide

// ---------------------------------------------------------------- terms from the data
const sql = postgres(benchUrl, { max: 1, onnotice: () => {} });
interface Sample {
  name: string;
  id_number: string;
}
async function sampleMembers(county: string | null): Promise<Sample[]> {
  return county
    ? sql<Sample[]>`select m.name, m.id_number from households h join members m on m.household_id = h.id
        where h.county_code = ${county} and m.status = 'active' order by md5(m.id::text) limit 400`
    : sql<Sample[]>`select name, id_number from members tablesample system (0.5) repeatable (42)
        where status = 'active' order by md5(id::text) limit 400`;
}
/** The pair of characters found in the most names: the worst case of a two-character search. */
async function commonBigram(county: string | null): Promise<{ b: string; n: number }> {
  const [row] = county
    ? await sql<{ b: string; n: number }[]>`select b, count(*)::int as n from households h join members m on m.household_id = h.id,
        unnest(doudi_bigrams(m.name)) b where h.county_code = ${county} group by b order by count(*) desc limit 1`
    : await sql<{ b: string; n: number }[]>`select b, count(*)::int as n from members, unnest(doudi_bigrams(name)) b
        group by b order by count(*) desc limit 1`;
  if (!row) throw new Error('no names');
  return row;
}
const distinct = (xs: string[], n = 20) => [...new Set(xs)].slice(0, n);
function searchTerms(samples: Sample[]) {
  const chars = samples.map((s) => [...s.name]);
  return {
    id: distinct(samples.map((s) => s.id_number)),
    suffix4: distinct(samples.map((s) => s.id_number.slice(-4))),
    suffix5: distinct(samples.map((s) => s.id_number.slice(-5))),
    suffix6: distinct(samples.map((s) => s.id_number.slice(-6))),
    // Two consecutive characters: a whole two-character name, or the surname + first given
    // character / the given name of a three-character one.
    name2: distinct(chars.map((c, i) => (c.length === 2 ? c.join('') : i % 2 ? c.slice(0, 2).join('') : c.slice(1, 3).join('')))),
    name3: distinct(chars.filter((c) => c.length === 3).map((c) => c.join(''))),
  };
}
const townshipOf = async (county: string) =>
  (await sql<{ code: string }[]>`select township_code as code from households where county_code = ${county}
     group by 1 order by count(*) desc limit 1`)[0]!.code;

const BIG_COUNTY = '141124'; // 临县, the largest county of 吕梁市
const [supTerms, audTerms, supCommon, audCommon, supTownship, bigTownship] = await Promise.all([
  sampleMembers(supervisor.regionCode).then(searchTerms),
  sampleMembers(null).then(searchTerms),
  commonBigram(supervisor.regionCode),
  commonBigram(null),
  townshipOf(supervisor.regionCode),
  townshipOf(BIG_COUNTY),
]);

/** The keyset cursor of page `page` (or of the last page, on a small data set), got by paging through the app itself. */
async function cursorAt(user: SessionUser, params: SearchParams, page: number): Promise<{ after: string; page: number }> {
  let after: string | undefined;
  let p = 1;
  for (; p < page; p++) {
    const r = await searchHouseholds(user, { ...params, after });
    if (!r.nextCursor) break;
    after = r.nextCursor;
  }
  if (!after) throw new Error(`a single page for ${JSON.stringify(params)}`);
  return { after, page: p };
}
/** A list case on page `page` (keyset cursor), named with the page actually reached. */
async function pageCase(name: string, user: SessionUser, params: SearchParams, page: number): Promise<Case> {
  const c = await cursorAt(user, params, page);
  return { name: `${name} p${c.page}`, kind: 'list', user, target: LIST, params: [{ ...params, after: c.after }] };
}

// ---------------------------------------------------------------- cases
interface Target {
  median: number;
  p95: number;
}
const SEARCH: Target = { median: 50, p95: 200 };
const LIST: Target = { median: 100, p95: 100 };
interface Case {
  name: string;
  kind: 'id' | 'id_suffix' | 'name' | 'list';
  user: SessionUser;
  target: Target | null; // null: shown for information, no target
  params: SearchParams[];
  iterations?: number;
}
const q = (terms: string[]): SearchParams[] => terms.map((t) => ({ q: t }));
function searchCases(label: string, user: SessionUser, t: ReturnType<typeof searchTerms>, common: { b: string; n: number }): Case[] {
  return [
    { name: `${label} · full ID`, kind: 'id', user, target: SEARCH, params: q(t.id) },
    { name: `${label} · ID last 4`, kind: 'id_suffix', user, target: SEARCH, params: q(t.suffix4) },
    { name: `${label} · ID last 5`, kind: 'id_suffix', user, target: SEARCH, params: q(t.suffix5) },
    { name: `${label} · ID last 6`, kind: 'id_suffix', user, target: SEARCH, params: q(t.suffix6) },
    { name: `${label} · name 2 chars`, kind: 'name', user, target: SEARCH, params: q(t.name2) },
    { name: `${label} · name 3 chars`, kind: 'name', user, target: SEARCH, params: q(t.name3) },
    { name: `${label} · name 2 chars, most common pair "${common.b}" (${common.n.toLocaleString('en')} in scope)`, kind: 'name', user, target: SEARCH, params: q([common.b]) },
  ];
}
const supCounty: SearchParams = {};
const audCounty: SearchParams = { county: BIG_COUNTY };
const cases: Case[] = [
  ...searchCases('交口县 supervisor', supervisor, supTerms, supCommon),
  ...searchCases('吕梁市 auditor', auditor, audTerms, audCommon),
  { name: '交口县 supervisor · list own county p1', kind: 'list', user: supervisor, target: LIST, params: [supCounty] },
  await pageCase('交口县 supervisor · list own county', supervisor, supCounty, 2),
  await pageCase('交口县 supervisor · list own county', supervisor, supCounty, 100),
  { name: '交口县 supervisor · list township p1', kind: 'list', user: supervisor, target: LIST, params: [{ township: supTownship }] },
  { name: '交口县 supervisor · list registered poor p1', kind: 'list', user: supervisor, target: LIST, params: [{ poor: 'yes' }] },
  await pageCase('交口县 supervisor · list registered poor', supervisor, { poor: 'yes' }, 20),
  { name: '吕梁市 auditor · list whole city p1', kind: 'list', user: auditor, target: LIST, params: [{}] },
  { name: '吕梁市 auditor · list county 临县 p1', kind: 'list', user: auditor, target: LIST, params: [audCounty] },
  await pageCase('吕梁市 auditor · list county 临县', auditor, audCounty, 100),
  { name: '吕梁市 auditor · list township of 临县 p1', kind: 'list', user: auditor, target: LIST, params: [{ township: bigTownship }] },
  { name: '吕梁市 auditor · list county 临县, registered poor p1', kind: 'list', user: auditor, target: LIST, params: [{ ...audCounty, poor: 'yes' }] },
  { name: '吕梁市 auditor · list registered poor, whole city p1', kind: 'list', user: auditor, target: LIST, params: [{ poor: 'yes' }] },
  { name: '(info) 交口县 supervisor · list sorted by head name p1', kind: 'list', user: supervisor, target: null, params: [{ sort: 'name' }], iterations: 10 },
  { name: '(info) 吕梁市 auditor · list county 临县 sorted by head name p1', kind: 'list', user: auditor, target: null, params: [{ ...audCounty, sort: 'name' }], iterations: 10 },
];

// ---------------------------------------------------------------- measure
interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}
function planSummary(node: PlanNode): string[] {
  const here = node['Index Name']
    ? [`${node['Node Type']} on ${node['Index Name']}`]
    : node['Node Type'] === 'Seq Scan'
      ? [`Seq Scan on ${node['Relation Name']}`]
      : [];
  return [...here, ...(node.Plans ?? []).flatMap(planSummary)];
}
const SCAN_OF_INTEREST = /members_|households_|Seq Scan on (households|members)/;

async function explain(c: Case) {
  capture = [];
  await searchHouseholds(c.user, c.params[0]!);
  const [call] = capture;
  capture = null;
  if (!call) throw new Error('no query captured');
  const params = call.params as postgres.ParameterOrJSON<never>[];
  const [json] = await sql.unsafe<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }[]>(
    `explain (analyze, buffers, format json) ${call.query}`, params);
  const text = (await sql.unsafe<{ 'QUERY PLAN': string }[]>(`explain (analyze, buffers) ${call.query}`, params))
    .map((r) => r['QUERY PLAN'])
    .join('\n');
  const plan = json!['QUERY PLAN'][0];
  return {
    top: plan.Plan['Node Type'],
    scans: [...new Set(planSummary(plan.Plan).filter((s) => SCAN_OF_INTEREST.test(s)))],
    executionMs: plan['Execution Time'],
    sql: call.query,
    params: call.params,
    text,
  };
}

function percentile(sorted: number[], p: number): number {
  const rank = (sorted.length - 1) * p;
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

const results = [];
for (const c of cases) {
  const n = c.iterations ?? iterations;
  for (const p of c.params.slice(0, 20)) await searchHouseholds(c.user, p); // warm-up
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < n; i++) {
    const p = c.params[i % c.params.length]!;
    const t = performance.now();
    const r = await searchHouseholds(c.user, p);
    times.push(performance.now() - t);
    if (r.message) throw new Error(`${c.name}: "${p.q}" refused: ${r.message}`);
    rows += r.rows.length;
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  const pass = c.target ? median < c.target.median && p95 < c.target.p95 : null;
  const plan = await explain(c);
  const r = { ...c, user: c.user.username, iterations: n, median, p95, min: times[0]!, max: times.at(-1)!, avgRows: rows / n, pass, plan };
  results.push(r);
  console.log(
    `${pass === null ? 'info' : pass ? 'PASS' : 'FAIL'}  ${c.name.padEnd(66)} median ${median.toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms` +
      `  rows ${r.avgRows.toFixed(0).padStart(2)}  ${c.target ? `(target < ${c.target.median} / < ${c.target.p95})` : ''}`,
  );
}

// ---------------------------------------------------------------- roster import
// A 10,000-row XLSX roster through the app's own importRoster (target < 30 s); the imported
// households are removed afterwards so that --reuse still finds the generated count.
const { benchRosterImport } = await import('./bench/import-roster');
const rosterImport = await benchRosterImport(await sessionUser('caseworker'), 10_000);
const importPass = 'households' in rosterImport.outcome && rosterImport.ms < 30_000;
console.log(
  `\nRoster import: ${rosterImport.rows.toLocaleString('en')} rows (${(rosterImport.bytes / 1024).toFixed(0)} KB XLSX) → ` +
    `${JSON.stringify(rosterImport.outcome)} in ${(rosterImport.ms / 1000).toFixed(2)} s (target < 30 s) ${importPass ? 'PASS' : 'FAIL'}`,
);
await sql`delete from members where household_id in (select id from households where address like '导入压测 %')`;
await sql`delete from households where address like '导入压测 %'`;

// ---------------------------------------------------------------- report
console.log('\nPlans (top node; index / scan nodes on households and members):');
for (const r of results) console.log(`  ${r.name}\n    ${r.plan.top} ← ${r.plan.scans.join(', ') || '(no table scan)'}  [EXPLAIN ANALYZE ${r.plan.executionMs.toFixed(1)} ms]`);

const [pg] = await sql<{ version: string; size: string; members: string; membersIdx: string; hh: string; hhIdx: string }[]>`
  select version(), pg_size_pretty(pg_database_size(current_database())) as size,
    pg_size_pretty(pg_table_size('members')) as members, pg_size_pretty(pg_indexes_size('members')) as "membersIdx",
    pg_size_pretty(pg_table_size('households')) as hh, pg_size_pretty(pg_indexes_size('households')) as "hhIdx"`;
const [counts] = await sql<{ households: number; members: number }[]>`
  select (select count(*)::int from households) as households, (select count(*)::int from members) as members`;
const settings = await sql<{ name: string; setting: string }[]>`select name, setting || coalesce(unit, '') as setting from pg_settings
  where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit', 'max_parallel_workers_per_gather')`;
const mem = process.memoryUsage();
const failed = results.filter((r) => r.pass === false);

console.log(`\nData: ${counts!.households.toLocaleString('en')} households, ${counts!.members.toLocaleString('en')} members; database ${pg!.size} ` +
  `(members ${pg!.members} + indexes ${pg!.membersIdx}; households ${pg!.hh} + indexes ${pg!.hhIdx})`);
console.log(`Memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MB`);
console.log(`Targets: ${results.length - failed.length - results.filter((r) => r.pass === null).length} passed, ${failed.length} failed` +
  (failed.length ? `: ${failed.map((r) => r.name).join('; ')}` : ''));
console.log(`Total bench time ${((performance.now() - started) / 1000).toFixed(0)} s`);

const out = path.join(process.cwd(), 'bench-results', 'registry.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(
  out,
  JSON.stringify(
    {
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
      postgres: { version: pg!.version, settings: Object.fromEntries(settings.map((s) => [s.name, s.setting])) },
      data: { ...counts, databaseSize: pg!.size, membersTable: pg!.members, membersIndexes: pg!.membersIdx, householdsTable: pg!.hh, householdsIndexes: pg!.hhIdx },
      generation,
      iterations,
      rosterImport,
      cases: results,
      memory: { rssMB: mem.rss / 2 ** 20, heapUsedMB: mem.heapUsed / 2 ** 20 },
    },
    null,
    2,
  ),
);
console.log(`Results written to ${path.relative(process.cwd(), out)}`);

await sql.end();
await appClient.end();
if (failed.length || !importPass) process.exitCode = 1;
if (only !== 'registry') {
  console.log('\n==== payouts ====');
  if ((await payoutBench()) !== 0) process.exitCode = 1;
}
