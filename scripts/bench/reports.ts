// Reports bench: twelve months of payout history for BENCH_ENROLLMENTS enrollments (default
// 1,000,000: about twelve million payout lines), then the monthly notice of the whole city and
// the dashboard timed through the app's own functions.
//
//   import { benchReports } from './bench/reports';   // from scripts/bench.ts
//   npx tsx scripts/bench/reports.ts [--reuse]         // or on its own
//
// Builds doudi_bench_reports on the server of BENCH_DATABASE_URL (default
// postgres://postgres@127.0.0.1:5432/), migrated and seeded like the app: households in the real
// villages of 吕梁市 and their enrollments (dibao, 特困, the two disability subsidies), one
// reconciled run per county and month with a line per enrollment (a few start or stop during the
// year, a few change amount, 0.3 % fail at the bank and are re-issued the month after, 0.1 % are
// blocked for want of an account, one month carries a price subsidy), all set-based SQL. Then
// every run's summary is refreshed with doudi_refresh_payout_summary(), as approval and bank
// returns do, and timed. Writes bench-results/reports.json; `--reuse` keeps a database that
// already holds the history.
import fs from 'node:fs';
import { register } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';

export interface ReportsBenchOptions {
  serverUrl?: string;
  enrollments?: number;
  iterations?: number;
  reuse?: boolean;
  log?: (m: string) => void;
}

interface Timing {
  name: string;
  targetMs: number | null;
  median: number;
  p95: number;
  min: number;
  max: number;
  pass: boolean | null;
}

const DB_NAME = 'doudi_bench_reports';
const withDatabase = (url: string, db: string) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();

async function on<T>(url: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
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

async function time(name: string, targetMs: number | null, iterations: number, fn: () => Promise<unknown>): Promise<Timing> {
  for (let i = 0; i < 3; i++) await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const median = percentile(times, 0.5);
  const p95 = percentile(times, 0.95);
  return { name, targetMs, median, p95, min: times[0]!, max: times.at(-1)!, pass: targetMs === null ? null : p95 < targetMs };
}

/** Twelve months of history, set-based; returns seconds per step. */
async function generate(sql: postgres.Sql, enrollments: number, months: string[], log: (m: string) => void): Promise<Record<string, number>> {
  const seconds: Record<string, number> = {};
  const step = async (name: string, statement: string | (() => Promise<unknown>)) => {
    const t = performance.now();
    if (typeof statement === 'string') await sql.unsafe(statement);
    else await statement();
    seconds[name] = (seconds[name] ?? 0) + (performance.now() - t) / 1000;
    log(`${name}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  };
  const households = Math.round(enrollments * 0.8);
  // A uniform number in [0, 1) from a hash of a key and a seed.
  const u = (key: string, seed: number) => `((hashtextextended(${key}, ${seed}) & 1048575) / 1048576.0)`;

  // Bulk load: no FK checks or triggers on this connection, indexes built once afterwards.
  await sql.unsafe(`set session_replication_role = replica; set maintenance_work_mem = '1GB'; set work_mem = '256MB'`);
  const [{ villages } = { villages: 0 }] = await sql<{ villages: number }[]>`select count(*)::int as villages from regions where level = 'village' and code like '1411%'`;
  await step('households', `
    WITH v AS (SELECT code, township_code, county_code, row_number() OVER (ORDER BY code) AS rn
               FROM regions WHERE level = 'village' AND code LIKE '1411%')
    INSERT INTO households (id, village_code, township_code, county_code, address, kind, bank_name, bank_account_kind, bank_account, bank_account_holder)
    SELECT md5('h' || g)::uuid, v.code, v.township_code, v.county_code, '压测地址 ' || g,
      CASE WHEN ${u("'k' || g", 1)} < 0.15 THEN 'urban' ELSE 'rural' END,
      '山西省农村信用社', 'card', '62284804' || lpad(g::text, 11, '0'), '压测户主'
    FROM generate_series(1, ${households}) g JOIN v ON v.rn = 1 + floor(${u("'v' || g", 2)} * ${villages})::int`);
  await step('enrollments', `
    INSERT INTO enrollments (id, program, household_id, status, county_code, township_code, village_code, start_month, next_review_on, review_cycle)
    SELECT md5('e' || g)::uuid,
      CASE WHEN g <= ${households} THEN CASE WHEN ${u("'p' || g", 3)} < 0.15 THEN 'tekun' ELSE 'dibao' END
           ELSE CASE WHEN g % 2 = 0 THEN 'dis_living' ELSE 'dis_care' END END,
      h.id, 'active', h.county_code, h.township_code, h.village_code, '${months[0]}',
      current_date - 20 + floor(${u("'r' || g", 4)} * 365)::int, 'stable'
    FROM generate_series(1, ${enrollments}) g JOIN households h ON h.id = md5('h' || ((g - 1) % ${households} + 1))::uuid`);
  // Each enrollment's year: first and last month paid (3 % start late, 3 % stop early), persons,
  // amount, and for 4 % an amount change from some month on.
  await step('parameters', `
    CREATE UNLOGGED TABLE bench_params AS
    SELECT e.id, e.program, e.household_id, e.county_code, e.township_code, e.village_code, h.bank_account,
      x.s, greatest(x.s, x.e) AS e, x.persons,
      CASE e.program WHEN 'dibao' THEN greatest(10000, (x.persons * 40200 - floor(${u('e.id::text', 14)} * 60000)::int) / 100 * 100)
                     WHEN 'tekun' THEN 54800 ELSE 5000 END AS base,
      CASE WHEN ${u('e.id::text', 15)} < 0.04 THEN 1 + floor(${u('e.id::text', 16)} * 11)::int END AS change_at,
      (floor(${u('e.id::text', 17)} * 10)::int - 5) * 1000 AS delta
    FROM enrollments e JOIN households h ON h.id = e.household_id
    CROSS JOIN LATERAL (SELECT
      CASE WHEN ${u('e.id::text', 10)} < 0.97 THEN 0 ELSE 1 + floor(${u('e.id::text', 11)} * 11)::int END AS s,
      CASE WHEN ${u('e.id::text', 12)} < 0.97 THEN 11 ELSE floor(${u('e.id::text', 13)} * 11)::int END AS e,
      CASE WHEN e.program = 'dibao' THEN 1 + floor(${u('e.id::text', 18)} * 4)::int ELSE 1 END AS persons) x`);
  await step('runs', `
    INSERT INTO payout_runs (county_code, month, state, prepared_by, generated_at, approved_by, approved_at, exported_at, reconciled_at)
    SELECT c.code, m, 'reconciled', u.id, now(), u.id, (m || '-08')::date, (m || '-10')::date, (m || '-20')::date
    FROM regions c CROSS JOIN unnest(ARRAY['${months.join("','")}']) m CROSS JOIN (SELECT id FROM users WHERE username = 'supervisor') u
    WHERE c.level = 'county' AND c.code LIKE '1411%'`);
  const indexes = await sql<{ name: string; def: string }[]>`
    select indexname as name, indexdef as def from pg_indexes where tablename = 'payout_lines' and indexname <> 'payout_lines_pkey'`;
  await step('drop line indexes', indexes.map((i) => `DROP INDEX "${i.name}";`).join('\n'));
  for (const [k, month] of months.entries()) {
    const status = `CASE WHEN q.z < 0.001 THEN 'blocked' WHEN q.z < 0.004 THEN 'failed' ELSE 'paid' END`;
    await step('lines', `
      INSERT INTO payout_lines (run_id, kind, program, enrollment_id, household_id, month, persons, amount_fen, components,
        bank_name, bank_account_kind, bank_account, bank_account_holder, blocked, block_reason, status, failure_reason, county_code, township_code, village_code)
      SELECT r.id, 'enrollment', p.program, p.id, p.household_id, '${month}', p.persons,
        greatest(1000, p.base + CASE WHEN p.change_at <= ${k} THEN p.delta ELSE 0 END),
        jsonb_build_object('month', '${month}', 'standardFen', 40200, 'persons', p.persons, 'coveredMemberIds', '[]'::jsonb),
        '山西省农村信用社', 'card', p.bank_account, '压测户主', ${status} = 'blocked', CASE WHEN ${status} = 'blocked' THEN '未登记发放账户' END,
        CASE ${status} WHEN 'blocked' THEN 'pending' ELSE ${status} END, CASE WHEN ${status} = 'failed' THEN '账户已销户' END,
        p.county_code, p.township_code, p.village_code
      FROM bench_params p
      JOIN payout_runs r ON r.county_code = p.county_code AND r.month = '${month}'
      CROSS JOIN LATERAL (SELECT ${u(`p.id::text || '${month}'`, 20)} AS z) q
      WHERE ${k} BETWEEN p.s AND p.e`);
    if (k > 0) {
      await step('re-issues', `
        INSERT INTO payout_lines (run_id, kind, program, enrollment_id, source_id, household_id, month, persons, amount_fen, components,
          bank_name, bank_account_kind, bank_account, bank_account_holder, status, county_code, township_code, village_code)
        SELECT r.id, 'reissue', f.program, f.enrollment_id, f.id::text, f.household_id, '${month}', f.persons, f.amount_fen,
          jsonb_build_object('originalKind', f.kind, 'originalMonth', f.month),
          f.bank_name, f.bank_account_kind, f.bank_account, f.bank_account_holder, 'paid', f.county_code, f.township_code, f.village_code
        FROM payout_lines f JOIN payout_runs r ON r.county_code = f.county_code AND r.month = '${month}'
        WHERE f.month = '${months[k - 1]}' AND (f.status = 'failed' OR f.blocked)`);
    }
  }
  const priceMonth = months[months.length - 3]!;
  await step('price subsidy', `
    INSERT INTO payout_lines (run_id, kind, program, source_id, household_id, month, persons, amount_fen, components,
      bank_name, bank_account_kind, bank_account, bank_account_holder, status, county_code, township_code, village_code)
    SELECT r.id, 'price_subsidy', 'price', 'bench:' || l.household_id, l.household_id, l.month, sum(l.persons), sum(l.persons) * 2000,
      jsonb_build_object('perPersonFen', 2000), min(l.bank_name), 'card', min(l.bank_account), min(l.bank_account_holder), 'paid',
      min(l.county_code), min(l.township_code), min(l.village_code)
    FROM payout_lines l JOIN payout_runs r ON r.id = l.run_id
    WHERE l.month = '${priceMonth}' AND l.kind = 'enrollment' AND l.program IN ('dibao', 'tekun')
    GROUP BY r.id, l.household_id, l.month`);
  await step('recreate line indexes', indexes.map((i) => `${i.def};`).join('\n'));
  await sql.unsafe(`DROP TABLE bench_params; set session_replication_role = origin`);
  await step('vacuum analyze', async () => {
    for (const t of ['households', 'enrollments', 'payout_runs', 'payout_lines']) await sql.unsafe(`VACUUM ANALYZE ${t}`);
  });
  return seconds;
}

export async function benchReports(opts: ReportsBenchOptions = {}) {
  const log = opts.log ?? ((m: string) => console.log(`  ${m}`));
  const serverUrl = opts.serverUrl ?? process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
  const enrollments = opts.enrollments ?? Number(process.env.BENCH_ENROLLMENTS ?? 1_000_000);
  const iterations = opts.iterations ?? 20;
  const url = withDatabase(serverUrl, DB_NAME);
  const { openPostgres } = await import('@/db/client');
  const { seedDemo } = await import('@/db/seed/demo');
  const { todayInChina } = await import('@/lib/core/time');
  const { monthsEnding } = await import('@/lib/reports/rules');
  const months = monthsEnding(todayInChina().slice(0, 7), 12);

  const started = performance.now();
  const existing = opts.reuse
    ? await on(url, async (sql) => (await sql<{ n: number }[]>`select count(*)::int as n from payout_summary`)[0]!.n).catch(() => 0)
    : 0;
  let generation: Record<string, number> | 'reused' = 'reused';
  if (existing === 0) {
    log(`building ${DB_NAME}: ${enrollments.toLocaleString('en')} enrollments × ${months.length} months (${months[0]} … ${months.at(-1)})`);
    await on(withDatabase(serverUrl, 'postgres'), async (sql) => {
      await sql.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
      await sql.unsafe(`create database "${DB_NAME}"`);
    });
    const open = await openPostgres(url, { max: 2 }); // migrates
    await seedDemo(open.db).finally(() => open.close());
    generation = await on(url, (sql) => generate(sql, enrollments, months, log));
    // The summaries of every run, month by month.
    await on(url, async (sql) => {
      const t = performance.now();
      for (const r of await sql<{ id: string }[]>`select id from payout_runs order by month, county_code`) await sql`select doudi_refresh_payout_summary(${r.id}::uuid)`;
      await sql`vacuum analyze payout_summary`;
      await sql`vacuum analyze payout_movements`;
      log(`summaries of all runs: ${((performance.now() - t) / 1000).toFixed(1)} s`);
    });
  } else {
    log(`reusing ${DB_NAME}`);
    await (await openPostgres(url, { max: 1 })).close(); // any newer migration
  }
  // What a county's approval and each bank return file add to their transaction: the refresh of
  // this month's runs, first as at approval (summary and movement), then as after a return file.
  const refresh = await on(url, async (sql) => {
    const runs = await sql<{ id: string; lines: number }[]>`select r.id, count(l.id)::int as lines from payout_runs r join payout_lines l on l.run_id = r.id
      where r.month = ${months.at(-1)!} group by r.id order by 2 desc`;
    const approval: number[] = [];
    const bankReturn: number[] = [];
    for (const r of runs) {
      let t = performance.now();
      await sql.begin(async (tx) => {
        await tx`delete from payout_summary where run_id = ${r.id}::uuid`; // first refresh of the run, as at approval
        t = performance.now();
        await tx`select doudi_refresh_payout_summary(${r.id}::uuid)`;
        approval.push(performance.now() - t);
      });
      t = performance.now();
      await sql`select doudi_refresh_payout_summary(${r.id}::uuid)`;
      bankReturn.push(performance.now() - t);
    }
    const stats = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      return { median: percentile(sorted, 0.5), max: sorted.at(-1)! };
    };
    return { runs: runs.length, largestRunLines: runs[0]?.lines ?? 0, approval: stats(approval), bankReturn: stats(bankReturn) };
  });
  log(`refresh per county run (${refresh.runs} runs, largest ${refresh.largestRunLines.toLocaleString('en')} lines): ` +
    `at approval median ${refresh.approval.median.toFixed(0)} ms, max ${refresh.approval.max.toFixed(0)} ms; ` +
    `after a bank return median ${refresh.bankReturn.median.toFixed(0)} ms, max ${refresh.bankReturn.max.toFixed(0)} ms`);

  // The app's own functions, on a handle of their own, put back afterwards.
  const holder = globalThis as { __doudiDatabase?: Promise<unknown> };
  const previous = holder.__doudiDatabase;
  const app = await openPostgres(url, { migrate: false, max: 10 });
  holder.__doudiDatabase = Promise.resolve(app);
  const timings: Timing[] = [];
  try {
    const { resolveSessionUser } = await import('@/lib/auth/session-check');
    const { monthlyNotice } = await import('@/lib/reports/monthly-notice');
    const { dashboardFigures } = await import('@/lib/reports/dashboard');
    const { workQueue } = await import('@/lib/reports/work-queue');
    const { periodTotals } = await import('@/lib/reports/period');
    const { listReportLines } = await import('@/lib/reports/lines');
    const { noticeWorkbook } = await import('@/lib/reports/notice-xlsx');
    const signed = async (username: string) => {
      const [u] = await on(url, (sql) => sql<{ id: string; sv: number }[]>`select id, session_version as sv from users where username = ${username}`);
      return (await resolveSessionUser(app.db, { uid: u!.id, sv: u!.sv, loginAt: Math.floor(Date.now() / 1000) }, Date.now()))!;
    };
    const [auditor, supervisor, caseworker] = [await signed('auditor'), await signed('supervisor'), await signed('caseworker')];
    const notice = months.at(-2)!;
    const dashboard = (u: typeof auditor) => () => Promise.all([dashboardFigures(u), workQueue(u)]);
    timings.push(await time(`monthly notice ${notice}, 吕梁市 (auditor)`, 1000, iterations, () => monthlyNotice(auditor, notice)));
    timings.push(await time(`monthly notice ${notice}, 交口县 (supervisor)`, 1000, iterations, () => monthlyNotice(supervisor, notice)));
    timings.push(await time('dashboard, 吕梁市 (auditor)', 500, iterations, dashboard(auditor)));
    timings.push(await time('dashboard, 交口县 (supervisor)', 500, iterations, dashboard(supervisor)));
    timings.push(await time('dashboard, 康城镇 (caseworker)', 500, iterations, dashboard(caseworker)));
    timings.push(await time(`(info) monthly notice XLSX, 吕梁市`, null, 5, async () => noticeWorkbook(await monthlyNotice(auditor, notice), todayInChina())));
    timings.push(await time(`(info) period totals ${months[0]} … ${months.at(-1)}, 吕梁市`, null, iterations, () => periodTotals(auditor, months[0]!, months.at(-1)!)));
    const { linesFilterSchema } = await import('@/lib/reports/schemas');
    timings.push(await time('(info) drill-down: failed lines of a month, 吕梁市, first page', null, iterations, () => listReportLines(auditor, linesFilterSchema.parse({ month: notice, status: 'failed' }))));
    timings.push(await time('(info) drill-down: 新增 of a month, 吕梁市, first page', null, iterations, () => listReportLines(auditor, linesFilterSchema.parse({ month: notice, movement: 'new' }))));
  } finally {
    await app.close();
    holder.__doudiDatabase = previous;
  }
  const data = await on(url, async (sql) => (await sql<Record<string, string>[]>`select
      (select count(*) from payout_lines)::text as lines, (select count(*) from enrollments)::text as enrollments,
      (select count(*) from payout_summary)::text as summary_rows, (select count(*) from payout_movements)::text as movement_rows,
      pg_size_pretty(pg_total_relation_size('payout_lines')) as lines_size,
      pg_size_pretty(pg_total_relation_size('payout_summary') + pg_total_relation_size('payout_movements')) as summary_size`)[0]!);
  for (const t of timings) {
    log(`${t.pass === null ? 'info' : t.pass ? 'PASS' : 'FAIL'}  ${t.name.padEnd(62)} median ${t.median.toFixed(1).padStart(7)} ms  p95 ${t.p95.toFixed(1).padStart(7)} ms${t.targetMs ? `  (target p95 < ${t.targetMs})` : ''}`);
  }
  log(`data: ${JSON.stringify(data)}`);
  const result = {
    at: new Date().toISOString(),
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    months,
    data,
    generationSeconds: generation,
    refreshPerRunMs: refresh,
    iterations,
    timings,
    totalSeconds: (performance.now() - started) / 1000,
  };
  const out = path.join(process.cwd(), 'bench-results', 'reports.json');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(out, JSON.stringify(result, null, 2));
  log(`results written to ${path.relative(process.cwd(), out)}`);
  return { ...result, failed: timings.filter((t) => t.pass === false).map((t) => t.name) };
}

// Run on its own: `npx tsx scripts/bench/reports.ts [--reuse]`.
if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  // App modules `import 'server-only'`: resolve it with the react-server condition (an empty module).
  register(
    'data:text/javascript,' +
      encodeURIComponent(`export async function resolve(specifier, context, next) {
        if (specifier === 'server-only') return next(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
        return next(specifier, context);
      }`),
  );
  const result = await benchReports({ reuse: process.argv.includes('--reuse') });
  if (result.failed.length) process.exitCode = 1;
}
