// Payout bench: `npm run bench -- --only=payouts [--reuse]` (also run by a plain `npm run bench`,
// after the registry bench, in a process of its own so its memory is its own).
//
// Builds doudi_bench_payouts on the server of BENCH_DATABASE_URL: migrated and seeded like the
// app, BENCH_HOUSEHOLDS households (default 1,000,000; copied from doudi_bench when that holds
// exactly as many and nobody is connected to it, else generated) and one active dibao enrollment
// per household with its amount row and working (a few with a second amount row or a future
// suspension, as real rolls have). Then, for this month, county by county:
//   bare       INSERT … SELECT of the same rows (same joins, same values): into payout_lines itself
//              (its indexes, foreign keys and size; rolled back, then VACUUM), the baseline of the
//              target; and, for information, into a scratch table without any index and into one
//              with payout_lines' indexes only
//   generate   the app's startRun() (one transaction per county: upsert, removals, other lines, totals)
//   regenerate the app's regenerateRun() of the unchanged drafts
//   export     exportBankFile() of the run nearest 100,000 bank rows (CSV and XLSX), read to /dev/null
//   page       the run page's queries (getRun + first page of lines + blocked lines), median of 20
// sampling this process's RSS every 50 ms throughout. Writes bench-results/payouts.json.
// Exit code 1 when a target is missed.
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

const DB_NAME = 'doudi_bench_payouts';
const TEMPLATE = 'doudi_bench';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/';
const households = Number(process.env.BENCH_HOUSEHOLDS ?? 1_000_000);
const reuse = process.argv.includes('--reuse');
const withDatabase = (url: string, db: string) => Object.assign(new URL(url), { pathname: `/${db}` }).toString();
const benchUrl = withDatabase(serverUrl, DB_NAME);
process.env.DATABASE_URL = benchUrl;

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
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

async function count(url: string, table: string): Promise<number | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [r] = await sql.unsafe<{ n: number }[]>(`select count(*)::int as n from ${table}`);
    return r?.n ?? 0;
  } catch {
    return null;
  } finally {
    await sql.end();
  }
}

// ---------------------------------------------------------------- data
async function buildDatabase(): Promise<void> {
  const templateOk =
    (await count(withDatabase(serverUrl, TEMPLATE), 'households')) === households &&
    (await admin(async (sql) => (await sql`select count(*)::int as n from pg_stat_activity where datname = ${TEMPLATE}`)[0]!.n === 0));
  await admin(async (sql) => {
    await sql.unsafe(`drop database if exists "${DB_NAME}" with (force)`);
    await sql.unsafe(templateOk ? `create database "${DB_NAME}" template "${TEMPLATE}"` : `create database "${DB_NAME}"`);
  });
  const open = await openPostgres(benchUrl, { max: 2 }); // migrates
  try {
    if (!templateOk) await seedDemo(open.db, log);
  } finally {
    await open.close();
  }
  const sql = postgres(benchUrl, { max: 1, onnotice: () => {} });
  try {
    if (templateOk) log(`copied ${households.toLocaleString('en')} households from ${TEMPLATE}`);
    else await generateRegistry(sql, { households, log });
    await sql.unsafe(`set synchronous_commit = off; set work_mem = '256MB'; set maintenance_work_mem = '1GB'`);
    const t = performance.now();
    // Most recipients have an account: give one to 95 % of those the registry left without.
    await sql.unsafe(`update households set bank_name = '山西省农村信用社', bank_account_kind = 'card',
        bank_account = '621' || lpad((abs(hashtext(id::text)) % 1000000000)::text, 9, '0') || lpad((abs(hashtext(id::text || 'b')) % 10000000)::text, 7, '0'),
        bank_account_holder = coalesce(head_name, '户主')
      where bank_account is null and abs(hashtext(id::text || 'k')) % 100 < 95`);
    const start = '2025-01';
    await sql.unsafe(`insert into enrollments (id, program, household_id, status, county_code, township_code, village_code, start_month, review_cycle, next_review_on)
      select md5('doudi-bench/e/' || h.id)::uuid, 'dibao', h.id, 'active', h.county_code, h.township_code, h.village_code, '${start}', 'stable', date '2026-06-30'
      from households h`);
    log(`enrollments ${((performance.now() - t) / 1000).toFixed(0)} s`);
    // The working as decide() writes it: standard, persons, counted income, categories, text.
    await sql.unsafe(`insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components, approved_by)
      select e.id, '${start}', a.total, jsonb_build_object(
          'program', 'dibao', 'eligible', true, 'totalFen', a.total, 'coveredMemberIds', m.ids,
          'components', jsonb_build_object('gap', a.gap, 'classified', a.total - a.gap),
          'working', jsonb_build_array('保障标准：402 元/人/月 × ' || m.n || ' 人 = ' || 402 * m.n || ' 元',
            '家庭月收入（计入部分）：' || a.income / 100 || ' 元', '补差 = ' || a.gap / 100 || ' 元；分类施保 ' || (a.total - a.gap) / 100 || ' 元'),
          'standardFen', 40200, 'countedIncomeFen', a.income, 'asOf', '2024-12-20',
          'dibao', jsonb_build_object('persons', m.n, 'lineFen', 40200 * m.n, 'gapFen', a.gap, 'classifiedFen', a.total - a.gap, 'totalFen', a.total)), null
      from enrollments e
      join lateral (select jsonb_agg(id) as ids, count(*)::int as n from members where household_id = e.household_id and status = 'active') m on true
      cross join lateral (select (abs(hashtext(e.id::text)) % (40200 * m.n - 100))::int as income) i
      cross join lateral (select i.income, greatest(0, 40200 * m.n - i.income) as gap, greatest(0, 40200 * m.n - i.income) + case when m.n > 3 then 8040 else 0 end as total) a`);
    log(`amounts ${((performance.now() - t) / 1000).toFixed(0)} s`);
    // 5 % recomputed last month; 2 % with a suspension approved for a later month.
    await sql.unsafe(`insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components)
      select ea.enrollment_id, to_char(now() - interval '1 month', 'YYYY-MM'), ea.amount_fen + 1000, ea.components
      from enrollment_amounts ea where abs(hashtext(ea.enrollment_id::text || 'r')) % 100 < 5`);
    await sql.unsafe(`insert into enrollment_changes (enrollment_id, kind, effective_month, reason, hearing_note, state, proposed_by, decided_at)
      select id, 'suspend', to_char(now() + interval '3 month', 'YYYY-MM'), '外出务工，待核实', '已告知', 'approved', '00000000-0000-0000-0000-000000000000', now()
      from enrollments where abs(hashtext(id::text || 's')) % 100 < 2`);
    await sql.unsafe(`insert into users (username, name, role, region_code, password_hash) values
      ('bench_cw', '压测经办', 'caseworker', '141100', 'x'), ('bench_sup', '压测审批', 'supervisor', '141100', 'x'),
      ('bench_fin', '压测发放', 'finance', '141100', 'x')
      on conflict do nothing`);
    for (const t of ['households', 'enrollments', 'enrollment_amounts', 'enrollment_changes']) await sql.unsafe(`vacuum (analyze) ${t}`);
    log(`enrollment data ready in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  } finally {
    await sql.end();
  }
}

const t0 = performance.now();
const have = reuse ? await count(benchUrl, 'enrollments') : null;
if (have === households) {
  console.log(`Reusing ${DB_NAME} (${households.toLocaleString('en')} enrollments).`);
  await (await openPostgres(benchUrl, { max: 1 })).close(); // newer migrations
} else {
  console.log(`Building ${DB_NAME} with ${households.toLocaleString('en')} households and enrollments…`);
  await buildDatabase();
}

// ---------------------------------------------------------------- the app's database handle
const schema = await import('@/db/schema');
const { drizzle } = await import('drizzle-orm/postgres-js');
const { eq, sql: dsql } = await import('drizzle-orm');
const appClient = postgres(benchUrl, { max: 10, onnotice: () => {} });
const appDb = drizzle(appClient, { schema });
(globalThis as { __doudiDatabase?: Promise<unknown> }).__doudiDatabase = Promise.resolve({ db: appDb, kind: 'postgres', close: () => appClient.end() });
const { resolveSessionUser } = await import('@/lib/auth/session-check');
const { startRun } = await import('@/lib/payouts/start-run');
const { regenerateRun } = await import('@/lib/payouts/regenerate-run');
const { approveRun } = await import('@/lib/payouts/approve-run');
const { exportBankFile } = await import('@/lib/payouts/bank-file');
const { getRun, listLines } = await import('@/lib/payouts/queries');
const { bareEnrollmentLines } = await import('@/lib/payouts/generation/enrollment-lines');
const { addMonthsToMonth } = await import('@/lib/core/calendar-date');
const { sweepRun } = await import('@/lib/payouts/generation/sweep');
const { policyInt } = await import('@/lib/policy/values');
class RollBack extends Error {}
const { todayInChina } = await import('@/lib/core/time');

async function user(username: string) {
  const [u] = await appDb.select().from(schema.users).where(eq(schema.users.username, username));
  const su = await resolveSessionUser(appDb, { uid: u!.id, sv: u!.sessionVersion, loginAt: Math.floor(Date.now() / 1000) }, Date.now());
  if (!su) throw new Error(`${username} cannot sign in`);
  return su;
}
const caseworker = await user('bench_cw');
const supervisor = await user('bench_sup');
const sql = postgres(benchUrl, { max: 1, onnotice: () => {} });
// The latest month up to this one without a run yet (an approved run never changes, so a rerun takes an earlier month).
let month = todayInChina().slice(0, 7);
const taken = new Set((await sql<{ month: string }[]>`select distinct month from payout_runs`).map((r) => r.month));
while (taken.has(month)) month = addMonthsToMonth(month, -1);
if (month < '2025-02') throw new Error(`no free month left in ${DB_NAME}: run without --reuse`);
const counties = (await sql<{ code: string }[]>`select distinct county_code as code from enrollments order by 1`).map((r) => r.code);
// A database built before the sweep's policy key existed gets it (the seed's row, idempotently).
const { seedStandards } = await import('@/db/seed/policy');
const phoneKey = seedStandards.find((p) => p.component === 'sweep_shared_phone_households')!;
await appDb.insert(schema.policyStandards).values(phoneKey).onConflictDoNothing();
await sql.unsafe('checkpoint');

// ---------------------------------------------------------------- 1. bare INSERT … SELECT
// The same rows, county by county, with the same session settings as a generation (work_mem,
// no JIT), into a scratch table: once bare (no index at all), once with payout_lines' indexes.
async function bare(table: string, indexes: boolean): Promise<{ ms: number; rows: number }> {
  await sql.unsafe(`drop table if exists ${table}; create table ${table} (like payout_lines including defaults ${indexes ? 'including indexes' : ''} excluding identity)`);
  await sql.unsafe(indexes ? `alter table ${table} alter column id add generated always as identity` : `alter table ${table} alter column id drop not null`);
  let ms = 0;
  let rows = 0;
  for (const c of counties) {
    const t = performance.now();
    await appDb.transaction(async (tx) => {
      await tx.execute(dsql`set local work_mem = '128MB'`);
      await tx.execute(dsql`set local jit = off`);
      const r = await tx.execute(dsql`insert into ${dsql.raw(table)} (run_id, kind, program, enrollment_id, household_id, member_id, month, persons, amount_fen, components,
          bank_name, bank_account_kind, bank_account, bank_account_holder, blocked, block_reason, county_code, township_code, village_code, payee_institution_id)
        select gen_random_uuid(), x.* from (${bareEnrollmentLines(c, month)}) x`);
      rows += (r as unknown as { count: number }).count;
    });
    ms += performance.now() - t;
  }
  await sql.unsafe(`drop table ${table}`);
  await sql.unsafe('checkpoint');
  return { ms, rows };
}
// Warm-up: the same rows read once, so neither side pays for a cold cache.
for (const c of counties) await appDb.execute(dsql`select count(*) from (${bareEnrollmentLines(c, month)}) x`);
const bareRun = await bare('bench_bare_lines', false);
const bareMs = bareRun.ms;
const bareRows = bareRun.rows;
console.log(`\nbare INSERT … SELECT   ${bareRows.toLocaleString('en')} rows in ${s(bareMs)} (scratch table without indexes)`);
const indexedRun = await bare('bench_bare_indexed', true);
console.log(`bare INSERT … SELECT   ${indexedRun.rows.toLocaleString('en')} rows in ${s(indexedRun.ms)} (scratch table with payout_lines' indexes)`);

// The same rows into payout_lines itself: its indexes (the one-line-per-enrollment-and-month
// constraint among them), its foreign keys and triggers, its size, under a run row of the
// month, each county rolled back. VACUUM then clears the dead rows, so the generation below
// meets the table as this statement met it.
async function bareIntoPayoutLines(): Promise<{ ms: number; rows: number }> {
  let ms = 0;
  let rows = 0;
  for (const c of counties) {
    const t = performance.now();
    await appDb
      .transaction(async (tx) => {
        await tx.execute(dsql`set local work_mem = '128MB'`);
        await tx.execute(dsql`set local jit = off`);
        const [run] = await tx.insert(schema.payoutRuns).values({ countyCode: c, month, preparedBy: caseworker.id }).returning({ id: schema.payoutRuns.id });
        const r = await tx.execute(dsql`insert into payout_lines (run_id, kind, program, enrollment_id, household_id, member_id, month, persons, amount_fen, components,
            bank_name, bank_account_kind, bank_account, bank_account_holder, blocked, block_reason, county_code, township_code, village_code, payee_institution_id)
          select ${run!.id}::uuid, x.* from (${bareEnrollmentLines(c, month)}) x`);
        rows += (r as unknown as { count: number }).count;
        ms += performance.now() - t;
        throw new RolledBack();
      })
      .catch((e: unknown) => {
        if (!(e instanceof RolledBack)) throw e;
      });
  }
  await sql.unsafe('vacuum payout_lines');
  await sql.unsafe('checkpoint');
  return { ms, rows };
}
class RolledBack extends Error {}
const sameTableRun = await bareIntoPayoutLines();
console.log(`bare INSERT … SELECT   ${sameTableRun.rows.toLocaleString('en')} rows in ${s(sameTableRun.ms)} (into payout_lines itself, rolled back)`);

// ---------------------------------------------------------------- 2. generation through the app
const runs: { county: string; runId: string; lines: number; ms: number }[] = [];
let genMs = 0;
for (const c of counties) {
  const t = performance.now();
  const r = await startRun(caseworker, { countyCode: c, month });
  const ms = performance.now() - t;
  genMs += ms;
  runs.push({ county: c, runId: r.runId, lines: r.lineCount, ms });
  log(`${c}: ${r.lineCount.toLocaleString('en')} lines in ${s(ms)}`);
}
const genLines = runs.reduce((a, r) => a + r.lines, 0);
console.log(
  `generate (startRun)    ${genLines.toLocaleString('en')} lines in ${s(genMs)}   ratio to the bare INSERT … SELECT into payout_lines ${(genMs / sameTableRun.ms).toFixed(2)} (target ≤ 1.5); ` +
    `to a scratch table with its indexes ${(genMs / indexedRun.ms).toFixed(2)}, without any index ${(genMs / bareMs).toFixed(2)}`,
);

// ---------------------------------------------------------------- 3. regeneration of the unchanged drafts
let regenMs = 0;
let touched = 0;
for (const r of runs) {
  const t = performance.now();
  const g = await regenerateRun(caseworker, { runId: r.runId });
  regenMs += performance.now() - t;
  touched += g.inserted + g.updated + g.removed;
}
console.log(`regenerate unchanged   ${s(regenMs)} (${touched} lines touched)   ratio to generate ${(regenMs / genMs).toFixed(2)} (target < 0.25)`);

// ---------------------------------------------------------------- 3b. 数据核查 of the largest county's run
// The sweep alone (its findings and holds), in a transaction rolled back so the drafts stay as
// generated; the generation above already ran it once per county. Twice: on the largest draft, and
// on a run of about 200,000 lines (the largest county of a province-sized city; the bench's city
// has none so large): the lines of the draft that brings it nearest 200,000 moved into the
// largest one for the measure.
const bySize = [...runs].sort((a, b) => b.lines - a.lines);
const largest = bySize[0]!;
async function timeSweep(merge: typeof runs): Promise<{ ms: number; found: number; lines: number }> {
  let out = { ms: 0, found: 0, lines: 0 };
  await appDb
    .transaction(async (tx) => {
      const [r] = await tx.select().from(schema.payoutRuns).where(eq(schema.payoutRuns.id, largest.runId)).for('update');
      if (merge.length) {
        // A line never changes run (payout_lines_frozen): the measure's rolled-back move goes round the
        // triggers, as the bench's superuser may.
        await tx.execute(dsql`set local session_replication_role = replica`);
        await tx.execute(dsql`update payout_lines set run_id = ${largest.runId}::uuid where run_id in ${merge.map((m) => m.runId)}`);
        await tx.execute(dsql`update payout_line_flags set run_id = ${largest.runId}::uuid where run_id in ${merge.map((m) => m.runId)}`);
        await tx.execute(dsql`set local session_replication_role = origin`);
        await tx.execute(dsql`analyze payout_lines`);
      }
      await tx.execute(dsql`set local work_mem = '128MB'`);
      await tx.execute(dsql`set local jit = off`);
      const threshold = await policyInt(tx, 'payout', 'sweep_shared_phone_households', r!.countyCode, `${r!.month}-01`);
      const t = performance.now();
      const swept = await sweepRun(tx, r!, threshold);
      out = { ms: performance.now() - t, found: swept.found, lines: largest.lines + merge.reduce((a, m) => a + m.lines, 0) };
      throw new RollBack();
    })
    .catch((e: unknown) => {
      if (!(e instanceof RollBack)) throw e;
    });
  return out;
}
const sweepOne = await timeSweep([]);
console.log(`sweep (数据核查)        ${sweepOne.lines.toLocaleString('en')} lines (largest county) in ${s(sweepOne.ms)}, ${sweepOne.found.toLocaleString('en')} findings`);
const partner = bySize.slice(1).sort((a, b) => Math.abs(largest.lines + a.lines - 200_000) - Math.abs(largest.lines + b.lines - 200_000))[0];
const sweepBig = await timeSweep(partner ? [partner] : []);
const sweepMs = sweepBig.ms;
console.log(`sweep (数据核查)        ${sweepBig.lines.toLocaleString('en')} lines (two drafts as one run) in ${s(sweepBig.ms)}, ${sweepBig.found.toLocaleString('en')} findings (target < 10 s)`);

// ---------------------------------------------------------------- 4. bank file of a 100,000-line run
const target = [...runs].filter((r) => r.lines >= 100_000).sort((a, b) => a.lines - b.lines)[0] ?? [...runs].sort((a, b) => b.lines - a.lines)[0]!;
const [{ version } = { version: 0 }] = await sql<{ version: number }[]>`select version from payout_runs where id = ${target.runId}`;
// The bench's data has no caseworker to look at its findings: approved over them, as a supervisor may.
await approveRun(supervisor, { runId: target.runId, version, overrideReason: '基准测试：数据核查结果不逐条处理' });
const exports: Record<string, { ms: number; bytes: number; rows: number }> = {};
for (const format of ['csv', 'xlsx'] as const) {
  const t = performance.now();
  // The bank file is the finance role's (资金发放员); the bench's one covers the city.
  const { stream } = await exportBankFile(await user('bench_fin'), target.runId, format);
  const out = fs.openSync('/dev/null', 'w');
  let bytes = 0;
  for await (const chunk of stream as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength;
    fs.writeSync(out, chunk);
  }
  fs.closeSync(out);
  const [row] = await sql<{ payable: number }[]>`select (summary->>'payableLines')::int as payable from payout_runs where id = ${target.runId}`;
  exports[format] = { ms: performance.now() - t, bytes, rows: row!.payable };
  console.log(`export ${format.padEnd(4)}            ${row!.payable.toLocaleString('en')} bank rows (${(bytes / 2 ** 20).toFixed(1)} MB) in ${s(exports[format].ms)} (target < 20 s)`);
}

// ---------------------------------------------------------------- 5. the run page
const pageTimes: number[] = [];
for (let i = 0; i < 25; i++) {
  const t = performance.now();
  const run = await getRun(caseworker, target.runId);
  await Promise.all([listLines(caseworker, run!.id, {}), listLines(caseworker, run!.id, { blocked: true })]);
  if (i >= 5) pageTimes.push(performance.now() - t);
}
pageTimes.sort((a, b) => a - b);
const pageMedian = pageTimes[Math.floor(pageTimes.length / 2)]!;
console.log(`run page queries       median ${pageMedian.toFixed(1)} ms, max ${pageTimes.at(-1)!.toFixed(1)} ms for ${target.lines.toLocaleString('en')} lines (target < 300 ms)`);

clearInterval(sampler);
console.log(`peak RSS               ${mb(peakRss)} (target < 300 MB)`);
const results = {
  at: new Date().toISOString(),
  machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryGB: Math.round(os.totalmem() / 2 ** 30), node: process.version },
  month,
  enrollments: households,
  bare: { ms: bareMs, rows: bareRows },
  bareWithIndexes: indexedRun,
  bareIntoPayoutLines: sameTableRun,
  generate: { ms: genMs, lines: genLines, ratioToBare: genMs / sameTableRun.ms, ratioToScratchWithIndexes: genMs / indexedRun.ms, ratioToScratchWithoutIndexes: genMs / bareMs, perCounty: runs },
  regenerate: { ms: regenMs, touched, ratioToGenerate: regenMs / genMs },
  sweep: { largestCounty: sweepOne, about200k: sweepBig },
  export: { runLines: target.lines, ...exports },
  runPage: { medianMs: pageMedian, maxMs: pageTimes.at(-1) },
  peakRssMB: peakRss / 2 ** 20,
  totalSeconds: (performance.now() - t0) / 1000,
};
const pass = {
  generate: genMs <= 1.5 * sameTableRun.ms,
  regenerate: regenMs < 0.25 * genMs,
  sweep: sweepMs < 10_000,
  export: Object.values(exports).every((e) => e.ms < 20_000),
  page: pageMedian < 300,
  memory: peakRss < 300 * 2 ** 20,
};
console.log(`Targets: ${Object.entries(pass).map(([k, v]) => `${k} ${v ? 'PASS' : 'FAIL'}`).join(', ')}; total ${(results.totalSeconds).toFixed(0)} s`);
const out = path.join(process.cwd(), 'bench-results', 'payouts.json');
fs.mkdirSync(path.dirname(out), { recursive: true });
fs.writeFileSync(out, JSON.stringify({ ...results, pass }, null, 2));
console.log(`Results written to ${path.relative(process.cwd(), out)}`);
await sql.end();
await appClient.end();
process.exit(Object.values(pass).every(Boolean) ? 0 : 1);
