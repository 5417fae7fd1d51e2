// Audit log bench: BENCH_AUDIT_ROWS rows of audit_log (default 10,000,000: about three years of
// a city's work), then the /audit page's queries timed through the app's own listAuditEntries:
// first pages and a keyset page deep in the log for the typical filters (person, action,
// region + date range, text in reasons, 登录记录, a county reader's scope).
//
//   npm run bench:audit [-- --reuse]                     // 10,000,000 rows
//   BENCH_AUDIT_ROWS=200000 npm run bench:audit          // smaller, e.g. on a laptop
//
// Builds doudi_bench_audit on the server of BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/), migrated and seeded like the app, fills audit_log with
// set-based SQL (1,000 people, every action of the catalogue, sign-ins a third of the rows,
// regions the real townships of 吕梁市, 15 % of rows with a reason drawn from typical phrases),
// indexes built once afterwards. Prints median / p95 per case against its target (p95 < 200 ms)
// with the plan's indexes, writes bench-results/audit.json; exit code 1 when a target is missed.
// `--reuse` keeps a database that already holds BENCH_AUDIT_ROWS rows.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === 'server-only') return next(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
      return next(specifier, context);
    }`),
);

const DB_NAME = 'doudi_bench_audit';
const TARGET_MS = 200;
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const rowsWanted = Number(process.env.BENCH_AUDIT_ROWS ?? 10_000_000);
const iterations = Number(process.env.BENCH_ITERATIONS ?? 30);
const reuse = process.argv.includes('--reuse');
if (!Number.isInteger(rowsWanted) || rowsWanted < 10_000) throw new Error('BENCH_AUDIT_ROWS must be an integer ≥ 10000');
const withDatabase = (url: string, db: string) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();
const url = withDatabase(serverUrl, DB_NAME);

async function on<T>(target: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(target, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

const percentile = (sorted: number[], p: number) => {
  const rank = (sorted.length - 1) * p;
  const [lo, hi] = [Math.floor(rank), Math.ceil(rank)];
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
};

// Typical reasons, the first ones common; 冒名顶替 is rare (0.1 % of reasons).
const REASONS = [
  '家庭收入超过当地低保标准', '入户调查核实家庭财产超标', '申请人主动放弃', '成员死亡，按规定停发', '户籍迁出本县',
  '银行账户已销户，重新发放', '经公示无异议', '群众反映情况不实，复核后维持', '材料不全，退回补正', '重复录入，撤销补发',
  '重病住院，先行救助', '火灾受灾，急难型临时救助', '子女就学支出大，支出型救助', '残疾等级复核变更', '年度复核，金额重新核定',
  '补录：村委会断网，纸质登记后补录', '审批意见：同意', '审批意见：不予批准，收入核算有误', '发放账户变更，已复核', '冒名顶替',
];

/** audit_log filled with set-based SQL; returns seconds per step. */
async function generate(sql: postgres.Sql, rows: number, log: (m: string) => void): Promise<Record<string, number>> {
  const { auditActionLabels } = await import('@/lib/audit/labels');
  const seconds: Record<string, number> = {};
  const step = async (name: string, statement: string) => {
    const t = performance.now();
    await sql.unsafe(statement);
    seconds[name] = (seconds[name] ?? 0) + (performance.now() - t) / 1000;
    log(`${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  const u = (key: string, seed: number) => `((hashtextextended(${key}, ${seed}) & 1048575) / 1048576.0)`;
  const entityOf: Record<string, string> = {
    auth: 'user', user: 'user', audit: 'audit_log', policy: 'policy_standard', calendar: 'work_calendar', household: 'household',
    roster: 'roster', member: 'household', income: 'household', asset: 'household', application: 'application', late_entry: 'late_entry',
    enrollment: 'enrollment', subsidy: 'enrollment', tempaid: 'temp_aid_case', fund: 'reserve_fund', payout: 'payout_run', price_subsidy: 'price_subsidy',
  };
  const changes = Object.keys(auditActionLabels).filter((a) => !a.startsWith('auth.'));
  const values = changes.map((a, i) => `(${i}, '${a}', '${entityOf[a.split('.')[0]!] ?? 'household'}')`).join(', ');
  // No triggers on this connection (the append-only guard, the hash chain: the bench times reads);
  // indexes dropped and built once afterwards.
  await sql.unsafe(`set session_replication_role = replica; set maintenance_work_mem = '1GB'; set work_mem = '256MB'`);
  await sql.unsafe(`CREATE UNLOGGED TABLE bench_actions (n int, action text, entity text); INSERT INTO bench_actions VALUES ${values};
    CREATE UNLOGGED TABLE bench_townships AS SELECT row_number() OVER (ORDER BY code) AS n, code FROM regions WHERE level = 'township' AND code LIKE '1411%';
    CREATE UNLOGGED TABLE bench_reasons (n int, reason text); INSERT INTO bench_reasons VALUES ${REASONS.map((r, i) => `(${i}, '${r}')`).join(', ')}`);
  const [{ townships } = { townships: 0 }] = await sql<{ townships: number }[]>`select count(*)::int as townships from bench_townships`;
  const indexes = await sql<{ name: string; def: string }[]>`
    select indexname as name, indexdef as def from pg_indexes where tablename = 'audit_log' and indexname <> 'audit_log_pkey'`;
  // No quoted one-word literal but codes in the INSERT: tests/unit/audit/labels.test.ts reads the
  // quoted codes of SQL that inserts into audit_log (md5(chr(97) || p) is md5('a' || p)).
  await step('drop indexes', indexes.map((i) => `DROP INDEX "${i.name}";`).join('\n'));
  const span = 3 * 365 * 86400; // three years, the newest row now
  const batch = 1_000_000;
  for (let lo = 1; lo <= rows; lo += batch) {
    const hi = Math.min(rows, lo + batch - 1);
    await step('rows', `
      INSERT INTO audit_log (at, actor_id, actor_name, action, entity, entity_id, region_code, before, after, reason)
      OVERRIDING SYSTEM VALUE
      SELECT now() - make_interval(secs => (${rows} - g)::float8 * ${span} / ${rows}),
        md5(chr(97) || p)::uuid, '压测用户' || p, x.action, x.entity,
        md5(x.entity || (g % 300000))::uuid::text,
        CASE WHEN x.action LIKE 'auth.%' THEN NULL WHEN ${u('g::text', 4)} < 0.03 THEN '141100' ELSE t.code END,
        CASE WHEN ${u('g::text', 5)} < 0.2 THEN '{"state":"submitted","amountFen":40200}'::jsonb END,
        CASE WHEN ${u('g::text', 5)} < 0.2 THEN '{"state":"accepted","amountFen":40400}'::jsonb END,
        CASE WHEN x.action NOT LIKE 'auth.%' AND ${u('g::text', 6)} < 0.15 THEN
          (SELECT r.reason FROM bench_reasons r WHERE r.n = CASE WHEN ${u('g::text', 7)} < 0.001 THEN ${REASONS.length - 1}
             ELSE floor(power(${u('g::text', 8)}, 2) * ${REASONS.length - 1})::int END) || '（' || (g % 997) || '号）' END
      FROM generate_series(${lo}, ${hi}) g
      CROSS JOIN LATERAL (SELECT 1 + floor(${u('g::text', 1)} * 1000)::int AS p, ${u('g::text', 2)} AS k) q
      CROSS JOIN LATERAL (
        SELECT CASE WHEN q.k < 0.25 THEN 'auth.sign_in' WHEN q.k < 0.33 THEN 'auth.sign_out' ELSE a.action END AS action,
               CASE WHEN q.k < 0.33 THEN 'user' ELSE a.entity END AS entity
        FROM bench_actions a WHERE a.n = floor(${u('g::text', 3)} * ${changes.length})::int) x
      JOIN bench_townships t ON t.n = 1 + floor(${u('g::text', 9)} * ${townships})::int`);
  }
  await step('recreate indexes', indexes.map((i) => `${i.def};`).join('\n'));
  await sql.unsafe(`DROP TABLE bench_actions, bench_townships, bench_reasons; set session_replication_role = origin`);
  await step('vacuum analyze', 'VACUUM ANALYZE audit_log');
  return seconds;
}

interface Timing {
  name: string;
  rows: number;
  median: number;
  p95: number;
  max: number;
  pass: boolean;
  plan: string;
}

async function main() {
  const log = (m: string) => console.log(`  ${m}`);
  const started = performance.now();
  const existing = reuse ? await on(url, async (sql) => (await sql<{ n: number }[]>`select count(*)::int as n from audit_log`)[0]!.n).catch(() => 0) : 0;
  let generation: Record<string, number> | 'reused' = 'reused';
  const { openPostgres } = await import('@/db/client');
  if (existing < rowsWanted) {
    log(`building ${DB_NAME}: ${rowsWanted.toLocaleString('en')} audit rows`);
    await on(withDatabase(serverUrl, 'postgres'), async (sql) => {
      await sql.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
      await sql.unsafe(`create database "${DB_NAME}"`);
    });
    const { seedDemo } = await import('@/db/seed/demo');
    const open = await openPostgres(url, { max: 2 }); // migrates
    await seedDemo(open.db).finally(() => open.close());
    generation = await on(url, (sql) => generate(sql, rowsWanted, log));
  } else {
    log(`reusing ${DB_NAME} (${existing.toLocaleString('en')} rows)`);
    await (await openPostgres(url, { max: 1 })).close(); // any newer migration
  }

  // The app's handle where getDb() looks for it, with a logger so a call's SQL can be EXPLAINed.
  const schema = await import('@/db/schema');
  const { drizzle } = await import('drizzle-orm/postgres-js');
  let capture: { query: string; params: unknown[] }[] | null = null;
  const client = postgres(url, { max: 4, onnotice: () => {} });
  const db = drizzle(client, { schema, logger: { logQuery: (query, params) => void capture?.push({ query, params }) } });
  const holder = globalThis as { __doudiDatabase?: Promise<unknown> };
  holder.__doudiDatabase = Promise.resolve({ db, kind: 'postgres', close: () => client.end() });
  const { listAuditEntries } = await import('@/lib/audit/queries');
  const { encodeAuditCursor } = await import('@/lib/audit/cursor');
  const { resolveSessionUser } = await import('@/lib/auth/session-check');
  const { todayInChina } = await import('@/lib/core/time');
  const { addDays, addMonths } = await import('@/lib/core/calendar-date');
  type Filter = Parameters<typeof listAuditEntries>[1];

  const [auditorRow] = await client<{ id: string; sv: number }[]>`select id, session_version as sv from users where username = 'auditor'`;
  const auditor = (await resolveSessionUser(db as never, { uid: auditorRow!.id, sv: auditorRow!.sv, loginAt: Math.floor(Date.now() / 1000) }, Date.now()))!;
  const countyAuditor = { ...auditor, regionCode: '141130', regionName: '交口县', regionLevel: 'county' as const };
  // A cursor deep in the log: the newest row at or before a moment (as a reader paging back gets it).
  const cursorAt = async (before: Date) => {
    const [r] = await client<{ at: string; id: number }[]>`select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id::int as id
      from audit_log where at <= ${before.toISOString()}::timestamptz order by at desc, id desc limit 1`;
    return r ? encodeAuditCursor([r.at, r.id]) : undefined;
  };
  const today = todayInChina();
  const monthsAgo = (n: number) => new Date(`${addMonths(today, -n)}T00:00:00+08:00`);
  const deep = await cursorAt(monthsAgo(30));
  const yearAgoFrom = addMonths(today, -13);
  const yearAgoTo = addMonths(today, -12);
  const midRange = await cursorAt(new Date(`${addDays(yearAgoFrom, 15)}T00:00:00+08:00`));
  const person = createHash('md5').update('a1').digest('hex').replace(/^(.{8})(.{4})(.{4})(.{4})/, '$1-$2-$3-$4-'); // 压测用户1
  const [anyCase] = await client<{ id: string }[]>`select entity_id as id from audit_log where entity = 'application' order by id desc limit 1`;
  const cases: [string, typeof auditor, Filter][] = [
    ['操作记录, no filter, first page', auditor, {}],
    ['操作记录, no filter, deep page (30 months back)', auditor, { after: deep }],
    ['登录记录, first page', auditor, { tab: 'signins' }],
    ['登录记录, deep page', auditor, { tab: 'signins', after: deep }],
    ['by person, first page', auditor, { actor: person }],
    ['by person, deep page', auditor, { actor: person, after: deep }],
    ['by person, 登录记录, deep page', auditor, { actor: person, tab: 'signins', after: deep }],
    ['by action 审批通过, first page', auditor, { action: 'application.approve' }],
    ['by action 审批通过, deep page', auditor, { action: 'application.approve', after: deep }],
    ['by object kind 申请, first page', auditor, { entity: 'application' }],
    ['by object kind + id, first page', auditor, { entity: 'application', entityId: anyCase?.id }],
    [`county 交口县 + ${yearAgoFrom}…${yearAgoTo}, first page`, auditor, { region: '141130', from: yearAgoFrom, to: yearAgoTo }],
    [`county 交口县 + ${yearAgoFrom}…${yearAgoTo}, page mid-range`, auditor, { region: '141130', from: yearAgoFrom, to: yearAgoTo, after: midRange }],
    [`township 康城镇 + ${yearAgoFrom}…${yearAgoTo}, first page`, auditor, { region: '141130101', from: yearAgoFrom, to: yearAgoTo }],
    ['township 康城镇, deep page', auditor, { region: '141130101', after: deep }],
    ['reason 2 chars, common (复核), first page', auditor, { q: '复核' }],
    ['reason 2 chars, common (复核), deep page', auditor, { q: '复核', after: deep }],
    ['reason 2 chars, rare (顶替), first page', auditor, { q: '顶替' }],
    ['reason 2 chars, rare (顶替), deep page', auditor, { q: '顶替', after: deep }],
    ['reason 3 chars, mid (已复核, 0.3 % of rows), first page', auditor, { q: '已复核' }],
    ['reason 3 chars, mid (已复核), deep page', auditor, { q: '已复核', after: deep }],
    ['reason 2 chars, mid (销户, 0.5 % of rows), first page', auditor, { q: '销户' }],
    ['reason 1 char (死), first page', auditor, { q: '死' }],
    ['reason 1 char, rare (冒), first page', auditor, { q: '冒' }],
    ['reason 4 chars (先行救助), first page', auditor, { q: '先行救助' }],
    ['reason (冒名) + county 交口县, first page', auditor, { q: '冒名', region: '141130' }],
    ['reason (顶替) + person, first page', auditor, { q: '顶替', actor: person }],
    ['county auditor (交口县 scope), first page', countyAuditor, {}],
    ['county auditor (交口县 scope), deep page', countyAuditor, { after: deep }],
    ['county auditor, by action 审批通过, deep page', countyAuditor, { action: 'application.approve', after: deep }],
  ];

  const timings: Timing[] = [];
  for (const [name, user, filter] of cases) {
    for (let i = 0; i < 3; i++) await listAuditEntries(user, filter); // warm-up
    const times: number[] = [];
    let rows = 0;
    for (let i = 0; i < iterations; i++) {
      const t = performance.now();
      rows = (await listAuditEntries(user, filter)).rows.length;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    capture = [];
    await listAuditEntries(user, filter);
    const queries = capture;
    capture = null;
    // A text search is up to three queries (window, its end, the GIN lookup): the plans of all.
    const plan: string[] = [];
    for (const q of queries.filter((x) => /^\s*select/i.test(x.query) && !x.query.includes('set_config'))) plan.push(...(await client.unsafe(`explain ${q.query}`, q.params as never[])).map((r) => String(r['QUERY PLAN'])));
    const used = [...new Set(plan.join('\n').match(/audit_\w+_idx|audit_log_pkey/g) ?? [])].join(', ');
    const t: Timing = { name, rows, median: percentile(times, 0.5), p95: percentile(times, 0.95), max: times.at(-1)!, pass: percentile(times, 0.95) < TARGET_MS, plan: `${plan.filter((l) => /Scan|Limit|Sort/.test(l)).map((l) => l.trim().replace(/\s+\(cost.*$/, '')).join(' / ')} [${used}]` };
    timings.push(t);
    log(`${t.pass ? 'PASS' : 'FAIL'}  ${name.padEnd(58)} ${String(rows).padStart(3)} rows  median ${t.median.toFixed(1).padStart(6)} ms  p95 ${t.p95.toFixed(1).padStart(6)} ms  ${used}`);
  }
  await client.end();
  const data = await on(url, async (sql) => (await sql<Record<string, string>[]>`select (select count(*) from audit_log)::text as rows,
    pg_size_pretty(pg_relation_size('audit_log')) as heap, pg_size_pretty(pg_indexes_size('audit_log')) as indexes,
    (select json_object_agg(indexrelname, pg_size_pretty(pg_relation_size(indexrelid))) from pg_stat_user_indexes where relname = 'audit_log')::text as index_sizes`)[0]!);
  log(`data: ${JSON.stringify(data)}`);
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    data,
    generationSeconds: generation,
    iterations,
    targetP95Ms: TARGET_MS,
    timings,
    totalSeconds: (performance.now() - started) / 1000,
  };
  const out = path.join(process.cwd(), 'bench-results', 'audit.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  log(`results written to ${path.relative(process.cwd(), out)}`);
  if (timings.some((t) => !t.pass)) process.exitCode = 1;
}

await main();
