// Beneficiaries list bench (在册名单): `npm run bench:enrollments [-- --reuse]`.
//
// Builds doudi_bench_enrollments on the server of BENCH_DATABASE_URL: migrated and seeded like
// the app, BENCH_ENROLLMENTS / 2 households from the registry generator (13 counties of 吕梁市)
// and two enrollments per household (低保 or 特困 for the household, a disability subsidy for
// its head), statuses and amounts spread by hash, one amount row each (5 % with a second, later
// one) written through the enrollment_amounts triggers that keep current_amount_fen. Then times
// the app's listEnrollments() — the first page under each filter, 20 runs after a warm-up —
// and prints p50 / p95. Exit code 1 when a p95 misses 100 ms. --reuse keeps the data.
import { register } from 'node:module';
import postgres from 'postgres';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === 'server-only') return next(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
      return next(specifier, context);
    }`),
);

const DB_NAME = 'doudi_bench_enrollments';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const total = Number(process.env.BENCH_ENROLLMENTS ?? 1_000_000);
const households = Math.ceil(total / 2);
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const TARGET_MS = 100;
const reuse = process.argv.includes('--reuse');
const withDatabase = (url: string, db: string) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();
const benchUrl = withDatabase(serverUrl, DB_NAME);
process.env.DATABASE_URL = benchUrl;
const log = (m: string) => console.log(`  ${m}`);

const { openPostgres } = await import('@/db/client');
const { seedDemo } = await import('@/db/seed/demo');
const { generateRegistry } = await import('./generate-registry');

async function admin<T>(fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(withDatabase(serverUrl, 'postgres'), { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

async function countEnrollments(): Promise<number | null> {
  const sql = postgres(benchUrl, { max: 1, onnotice: () => {} });
  try {
    const [r] = await sql<{ n: number }[]>`select count(*)::int as n from enrollments`;
    return r?.n ?? 0;
  } catch {
    return null;
  } finally {
    await sql.end();
  }
}

async function buildDatabase(): Promise<void> {
  await admin(async (sql) => {
    await sql.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
    await sql.unsafe(`create database "${DB_NAME}"`);
  });
  const open = await openPostgres(benchUrl, { max: 2 }); // migrates
  try {
    await seedDemo(open.db, log);
  } finally {
    await open.close();
  }
  const sql = postgres(benchUrl, { max: 1, onnotice: () => {} });
  try {
    // The demo seed's own enrollments would be a handful among a million: start from none.
    await generateRegistry(sql, { households, log });
    await sql.unsafe(`set synchronous_commit = off; set work_mem = '256MB'; set maintenance_work_mem = '1GB'`);
    const t = performance.now();
    await sql.unsafe(`insert into enrollments (id, program, household_id, member_id, status, county_code, township_code, village_code,
        start_month, next_review_on, review_cycle, created_at)
      select md5('doudi-bench/e/' || h.id || '/' || k)::uuid,
        case when k = 0 then (case when x % 100 < 82 then 'dibao' else 'tekun' end) else (case when x % 2 = 0 then 'dis_living' else 'dis_care' end) end,
        h.id, case when k = 0 and x % 100 < 82 then null else hd.id end,
        case when y % 100 < 85 then 'active' when y % 100 < 90 then 'suspended' when y % 100 < 97 then 'terminated' else 'proposed' end,
        h.county_code, h.township_code, h.village_code,
        to_char(h.created_at + (k * 40) * interval '1 day', 'YYYY-MM'),
        date '2026-01-01' + (x % 400)::int, 'stable',
        h.created_at + (k * 40) * interval '1 day' + (x % 86400) * interval '1 second'
      from households h
      cross join generate_series(0, 1) k
      join lateral (select m.id from members m where m.household_id = h.id and m.is_head and m.status = 'active' limit 1) hd on true
      cross join lateral (select abs(hashtext(h.id::text || k)) as x, abs(hashtext(h.id::text || k || 's')) as y) r`);
    log(`enrollments ${((performance.now() - t) / 1000).toFixed(0)} s`);
    await sql.unsafe(`insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components)
      select e.id, e.start_month, case e.program when 'dibao' then 20000 + abs(hashtext(e.id::text)) % 180000
          when 'tekun' then 60000 + abs(hashtext(e.id::text)) % 60000 when 'dis_living' then 10000 else 8000 end, '{}'::jsonb
      from enrollments e`);
    await sql.unsafe(`insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components)
      select ea.enrollment_id, '2026-10', ea.amount_fen + 1000, '{}'::jsonb
      from enrollment_amounts ea where abs(hashtext(ea.enrollment_id::text || 'r')) % 100 < 5 and ea.effective_month < '2026-10'`);
    log(`amounts (and current_amount_fen by trigger) ${((performance.now() - t) / 1000).toFixed(0)} s`);
    const [town] = await sql<{ code: string; county: string }[]>`select township_code as code, county_code as county from enrollments group by 1, 2 order by count(*) desc limit 1`;
    await sql.unsafe(`insert into users (username, name, role, region_code, password_hash) values
      ('bench_city', '压测市级', 'caseworker', '141100', 'x'), ('bench_county', '压测县级', 'caseworker', '${town!.county}', 'x'),
      ('bench_town', '压测乡镇', 'caseworker', '${town!.code}', 'x') on conflict do nothing`);
    for (const tb of ['households', 'members', 'enrollments', 'enrollment_amounts']) await sql.unsafe(`vacuum (analyze) ${tb}`);
    log(`data ready in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  } finally {
    await sql.end();
  }
}

const t0 = performance.now();
if (reuse && ((await countEnrollments()) ?? 0) >= total) {
  console.log(`Reusing ${DB_NAME}.`);
  await (await openPostgres(benchUrl, { max: 1 })).close(); // newer migrations
} else {
  console.log(`Building ${DB_NAME} with ${total.toLocaleString('en')} enrollments…`);
  await buildDatabase();
}

const schema = await import('@/db/schema');
const { drizzle } = await import('drizzle-orm/postgres-js');
const { eq } = await import('drizzle-orm');
const appClient = postgres(benchUrl, { max: 4, onnotice: () => {} });
const appDb = drizzle(appClient, { schema });
(globalThis as { __doudiDatabase?: Promise<unknown> }).__doudiDatabase = Promise.resolve({ db: appDb, kind: 'postgres', close: () => appClient.end() });
const { resolveSessionUser } = await import('@/lib/auth/session-check');
const { listEnrollments } = await import('@/lib/enrollments/list');
const { enrollmentListSearchSchema } = await import('@/lib/enrollments/list-filter');

async function user(username: string) {
  const [u] = await appDb.select().from(schema.users).where(eq(schema.users.username, username));
  const su = await resolveSessionUser(appDb, { uid: u!.id, sv: u!.sessionVersion, loginAt: Math.floor(Date.now() / 1000) }, Date.now());
  if (!su) throw new Error(`${username} cannot sign in`);
  return su;
}
const city = await user('bench_city');
const county = await user('bench_county');
const town = await user('bench_town');
const [{ n } = { n: 0 }] = await appClient<{ n: number }[]>`select count(*)::int as n from enrollments`;
console.log(`${n.toLocaleString('en')} enrollments; building took ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);

type Case = [string, typeof city, Record<string, string>];
const [someone] = await appClient<{ id: string }[]>`select id_number as id from members where is_head and status = 'active' limit 1 offset 1000`;
const cases: Case[] = [
  ['city, unfiltered', city, {}],
  ['county, unfiltered', county, {}],
  ['township, unfiltered', town, {}],
  ['county, 特困 + 暂停发放', county, { program: 'tekun', status: 'suspended' }],
  ['city, 低保 + 已终止', city, { program: 'dibao', status: 'terminated' }],
  ['county, 月金额 1,500–1,600 元', county, { amountFrom: '1500', amountTo: '1600' }],
  ['city, 月金额 1,999–2,000 元', city, { amountFrom: '1999', amountTo: '2000' }],
  ['city, 特困 + 在册 + ≥ 500 元', city, { program: 'tekun', status: 'active', amountFrom: '500' }],
  ['city, 月金额 ≥ 1,999.9 元 (rare)', city, { amountFrom: '1999.9' }],
  ['county, 暂停发放 + ≥ 1,990 元 (rare)', county, { status: 'suspended', amountFrom: '1990' }],
  ['city, search 国庆', city, { q: '国庆' }],
  ['county, search 国庆', county, { q: '国庆' }],
  ['county, search 王国庆', county, { q: '王国庆' }],
  ['city, search a resident ID', city, { q: someone!.id }],
  ['city, search an ID’s last 6 digits', city, { q: someone!.id.slice(-6) }],
];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const results: { name: string; rows: number; p50: number; p95: number }[] = [];
for (const [name, u, f] of cases) {
  const filter = enrollmentListSearchSchema.parse(f);
  let rows = (await listEnrollments(u, filter)).rows.length; // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    rows = (await listEnrollments(u, filter)).rows.length;
    times.push(performance.now() - t);
  }
  results.push({ name, rows, p50: pct(times, 50), p95: pct(times, 95) });
}
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].length * ([...s].some((c) => c > '\u2e80') ? 1.6 : 1)));
console.log(`${pad('case', 34)}  rows     p50      p95`);
for (const r of results) {
  console.log(`${pad(r.name, 34)}  ${String(r.rows).padStart(4)}  ${r.p50.toFixed(1).padStart(6)} ms  ${r.p95.toFixed(1).padStart(6)} ms${r.p95 > TARGET_MS ? '  ✗' : ''}`);
}
await appClient.end();
process.exit(results.some((r) => r.p95 > TARGET_MS) ? 1 : 0);
