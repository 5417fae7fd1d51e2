import { spawn } from 'node:child_process';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SessionUser } from '@/lib/auth/types';
import { addAdjustment } from '@/lib/payouts/add-adjustment';
import { declarePriceSubsidy } from '@/lib/payouts/declare-price-subsidy';
import { regenerateRun } from '@/lib/payouts/regenerate-run';
import { startRun } from '@/lib/payouts/start-run';
import { analyzeLinesIfStale } from '@/lib/payouts/statistics';
import { appDb, ownerDb, signedIn } from './support/app';
import { testDatabaseUrl } from './support/db';
import { clearCounty, COUNTY, countyStaff, enroll, linesOf, OTHER_VILLAGE, rows } from './support/payouts';

let staff: Awaited<ReturnType<typeof countyStaff>>;
beforeAll(async () => {
  staff = await countyStaff();
});
beforeEach(async () => clearCounty(await appDb()));

async function runState(runId: string) {
  const db = await appDb();
  const [run] = rows<{ line_count: number; total_fen: string; blocked_count: number; version: number; summary: unknown }>(
    await db.execute(sql`select line_count, total_fen, blocked_count, version, summary from payout_runs where id = ${runId}`),
  );
  return { ...run!, lines: await linesOf(db, runId) };
}

describe('generating a month’s run', () => {
  it('pays each enrollment that pays in the month once, with its working and bank snapshot, and lists the blocked', async () => {
    const db = await appDb();
    const M = '2023-03';
    const paid = await enroll(db, { amountFen: 120_000, startMonth: '2023-01', persons: 3 });
    const noBank = await enroll(db, { program: 'dis_living', amountFen: 5_000, startMonth: '2023-02', bank: false });
    const suspended = await enroll(db, { amountFen: 90_000, startMonth: '2023-01', status: 'suspended' });
    const later = await enroll(db, { amountFen: 80_000, startMonth: '2023-04' });
    const exiting = await enroll(db, { amountFen: 70_000, startMonth: '2022-01', status: 'terminated', endMonth: '2023-05', gradualExitUntil: '2023-05' });
    const ended = await enroll(db, { amountFen: 60_000, startMonth: '2022-01', status: 'terminated', endMonth: '2023-02' });
    const proposed = await enroll(db, { program: 'dis_care', amountFen: 5_000, startMonth: '2023-01', status: 'proposed' });
    await db.execute(sql`insert into enrollment_changes (enrollment_id, kind, effective_month, reason, state, proposed_by, decided_at)
      values (${exiting.enrollmentId}, 'terminate', '2023-01', '收入超过标准，渐退', 'approved', ${staff.caseworker.id}, now())`);

    const result = await startRun(staff.caseworker, { countyCode: COUNTY, month: M });
    expect(result).toMatchObject({ created: true, inserted: 3, updated: 0, removed: 0, lineCount: 3, totalFen: 195_000 });
    const { lines, blocked_count, summary } = await runState(result.runId);
    const byEnrollment = new Map(lines.map((l) => [l.enrollment_id, l]));
    for (const e of [suspended, later, ended, proposed]) expect(byEnrollment.has(e.enrollmentId)).toBe(false);
    expect(byEnrollment.get(paid.enrollmentId)).toMatchObject({ amount_fen: 120_000, persons: 3, blocked: false });
    expect(byEnrollment.get(paid.enrollmentId)!.components).toMatchObject({ month: M, amountId: paid.amountId, effectiveMonth: '2023-01', gradualExit: false, coveredMemberIds: paid.memberIds });
    expect(byEnrollment.get(noBank.enrollmentId)).toMatchObject({ blocked: true, block_reason: '未登记发放账户', amount_fen: 5_000 });
    expect(byEnrollment.get(exiting.enrollmentId)!.components).toMatchObject({ gradualExit: true });
    expect(blocked_count).toBe(1);
    expect(summary).toMatchObject({ payableLines: 2, payableFen: 190_000, movement: expect.arrayContaining([expect.objectContaining({ program: 'dibao', movement: 'new', lines: 2 })]) });
  });

  it('regenerates an unchanged draft without touching a line, and updates or removes only what changed', async () => {
    const db = await appDb();
    const M = '2023-06';
    const a = await enroll(db, { amountFen: 100_000, startMonth: '2023-01' });
    const b = await enroll(db, { amountFen: 50_000, startMonth: '2023-01' });
    const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month: M });
    const before = await runState(runId);

    const again = await regenerateRun(staff.caseworker, { runId });
    expect(again).toMatchObject({ inserted: 0, updated: 0, removed: 0 });
    const same = await runState(runId);
    expect(same.lines).toEqual(before.lines); // same ids, same updated_at: nothing rewritten
    expect(same.total_fen).toBe(before.total_fen);

    // A recomputed amount from this month, a new account, a suspension: one update each, one removal.
    await db.execute(sql`insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components) values (${a.enrollmentId}, ${M}, 110000, '{"coveredMemberIds":[]}')`);
    await db.execute(sql`update enrollments set status = 'suspended' where id = ${b.enrollmentId}`);
    const c = await enroll(db, { amountFen: 30_000, startMonth: '2023-05' });
    const changed = await regenerateRun(staff.caseworker, { runId });
    expect(changed).toMatchObject({ inserted: 1, updated: 1, removed: 1, lineCount: 2, totalFen: 140_000 });
    const after = await runState(runId);
    const lineA = after.lines.find((l) => l.enrollment_id === a.enrollmentId)!;
    expect(lineA.id).toBe(before.lines.find((l) => l.enrollment_id === a.enrollmentId)!.id); // updated in place
    expect(lineA.amount_fen).toBe(110_000);
    expect(after.lines.map((l) => l.enrollment_id).sort()).toEqual([a.enrollmentId, c.enrollmentId].sort());

    // An amount recomputed to nothing from this month: the enrollment still pays in principle, its line goes.
    await db.execute(sql`insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components) values (${c.enrollmentId}, ${M}, 0, '{"coveredMemberIds":[]}')`);
    expect(await regenerateRun(staff.caseworker, { runId })).toMatchObject({ inserted: 0, updated: 0, removed: 1, lineCount: 1, totalFen: 110_000 });
    expect((await runState(runId)).lines.map((l) => l.enrollment_id)).toEqual([a.enrollmentId]);

    // Starting the same month again is a regeneration of the same run, never a second one.
    const restart = await startRun(staff.supervisor, { countyCode: COUNTY, month: M });
    expect(restart).toMatchObject({ runId, created: false, inserted: 0, updated: 0, removed: 0 });
    const [dupes] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from payout_lines where month = ${M} and kind = 'enrollment' group by enrollment_id order by 1 desc limit 1`));
    expect(dupes!.n).toBe(1);
  });

  it('makes one run when two people start the same county and month at once', async () => {
    const db = await appDb();
    const M = '2023-07';
    await enroll(db, { amountFen: 100_000, startMonth: '2023-01' });
    const [one, two] = await Promise.all([
      startRun(staff.caseworker, { countyCode: COUNTY, month: M }),
      startRun(staff.supervisor, { countyCode: COUNTY, month: M }),
    ]);
    expect(one.runId).toBe(two.runId);
    expect([one.created, two.created].sort()).toEqual([false, true]);
    const [n] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from payout_runs where county_code = ${COUNTY} and month = ${M}`));
    expect(n!.n).toBe(1);
    const lines = await linesOf(db, one.runId);
    expect(new Set(lines.map((l) => l.enrollment_id)).size).toBe(lines.length);
  });

  it('leaves the previous state whole when generation fails midway or its connection is killed', async () => {
    const db = await appDb();
    const M = '2023-08';
    for (let i = 0; i < 5; i++) await enroll(db, { amountFen: 100_000 + i, startMonth: '2023-01' });
    const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month: M });
    const before = await runState(runId);
    // Changes the next generation would write: two new enrollments and a new amount everywhere.
    await enroll(db, { amountFen: 77_701, startMonth: '2023-08' });
    await enroll(db, { amountFen: 77_702, startMonth: '2023-08' });
    await db.execute(sql`insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components)
      select e.id, ${M}, 99999, '{}' from enrollments e where e.county_code = ${COUNTY} and e.start_month < ${M}
      on conflict do nothing`);

    // 1. An error on the second inserted line: the lines already written in the same statement, the updates, the totals — none stays.
    // (The failing trigger is installed by the owner: the app's role may not create one.)
    const owner = await ownerDb();
    await owner.execute(sql.raw(`create or replace function payout_test_fail() returns trigger language plpgsql as $$
      begin if new.amount_fen = 77702 then raise exception 'injected failure'; end if; return new; end $$`));
    await owner.execute(sql.raw(`create trigger payout_test_fail before insert on payout_lines for each row execute function payout_test_fail()`));
    try {
      await expect(regenerateRun(staff.caseworker, { runId })).rejects.toMatchObject({ cause: expect.objectContaining({ message: 'injected failure' }) });
    } finally {
      await owner.execute(sql.raw('drop trigger payout_test_fail on payout_lines'));
    }
    expect(await runState(runId)).toEqual(before);

    // 2. The app process is killed in the middle of the statement (SIGKILL: no rollback, no goodbye).
    await owner.execute(sql.raw(`create or replace function payout_test_sleep() returns trigger language plpgsql as $$
      begin if new.amount_fen = 77702 then perform pg_sleep(2); end if; return new; end $$`));
    await owner.execute(sql.raw(`create trigger payout_test_sleep before insert on payout_lines for each row execute function payout_test_sleep()`));
    const watcher = postgres(testDatabaseUrl(), { max: 1, onnotice: () => {} });
    try {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(__dirname, 'support', 'generate-child.ts'), staff.caseworker.username, runId], {
        env: { ...process.env, DATABASE_URL: testDatabaseUrl() },
        stdio: 'ignore',
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      let sleeping = 0;
      for (let i = 0; i < 300 && sleeping === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        sleeping = (await watcher`select 1 from pg_stat_activity where wait_event = 'PgSleep' and datname = current_database()`).length;
      }
      expect(sleeping, 'the child never reached the middle of the generation').toBe(1);
      child.kill('SIGKILL');
      await exited;
      // The orphaned backend finds its client gone when it next talks to it, and rolls back.
      for (let i = 0; i < 200; i++) {
        const busy = await watcher`select 1 from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid() and state = 'active' and query like '%desired%'`;
        if (busy.length === 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await owner.execute(sql.raw('drop trigger if exists payout_test_sleep on payout_lines'));
      await watcher.end();
    }
    expect(await runState(runId)).toEqual(before);

    // And the next generation completes the whole change.
    const done = await regenerateRun(staff.caseworker, { runId });
    expect(done).toMatchObject({ inserted: 2, updated: 5, lineCount: 7 });
  });

  it('adds arrears for a missed month, recovers an overpayment over months above the floor, and adds the price subsidy', async () => {
    const db = await appDb();
    const e = await enroll(db, { amountFen: 60_000, startMonth: '2023-09', persons: 2 });
    const sub = await enroll(db, { program: 'dis_living', amountFen: 5_000, startMonth: '2023-09', householdId: undefined });
    const caseworker = staff.caseworker;
    await expect(addAdjustment(caseworker, { enrollmentId: e.enrollmentId, kind: 'arrears', startMonth: '2023-11', forMonth: '2023-08', amount: 60_000, reason: '漏发八月' })).rejects.toMatchObject({
      fieldErrors: { amount: '该月不在保障期内，没有应发金额' },
    });
    await expect(addAdjustment(caseworker, { enrollmentId: e.enrollmentId, kind: 'arrears', startMonth: '2023-11', forMonth: '2023-10', amount: 60_001, reason: '十月漏发' })).rejects.toMatchObject({
      fieldErrors: { amount: expect.stringContaining('不能超过') },
    });
    await addAdjustment(caseworker, { enrollmentId: e.enrollmentId, kind: 'arrears', startMonth: '2023-11', forMonth: '2023-10', amount: 60_000, reason: '十月漏发，补发' });
    // 100 yuan to recover, 40 a month, never leaving less than 580 yuan to pay: 20, 20, 20, 20, 20.
    await addAdjustment(caseworker, { enrollmentId: e.enrollmentId, kind: 'recovery', startMonth: '2023-11', amount: 10_000, perMonth: 4_000, floor: 58_000, reason: '多发追回' });
    await declarePriceSubsidy(await signedIn('admin'), { month: '2023-11', regionCode: COUNTY, perPerson: 1_500, programs: ['dibao', 'dis_living'], note: '岚县价补文件' });

    const nov = await startRun(caseworker, { countyCode: COUNTY, month: '2023-11' });
    const lines = (await linesOf(db, nov.runId)).filter((l) => l.household_id === e.householdId || l.household_id === sub.householdId);
    const of = (kind: string, hh = e.householdId) => lines.filter((l) => l.kind === kind && l.household_id === hh);
    expect(of('arrears').map((l) => l.amount_fen)).toEqual([60_000]);
    expect(of('recovery').map((l) => l.amount_fen)).toEqual([-2_000]);
    expect(of('price_subsidy').map((l) => [l.persons, l.amount_fen])).toEqual([[2, 3_000]]);
    expect(of('price_subsidy', sub.householdId).map((l) => [l.persons, l.amount_fen])).toEqual([[1, 1_500]]);
    expect(await regenerateRun(caseworker, { runId: nov.runId })).toMatchObject({ inserted: 0, updated: 0, removed: 0 });

    const dec = await startRun(caseworker, { countyCode: COUNTY, month: '2023-12' });
    const decLines = (await linesOf(db, dec.runId)).filter((l) => l.household_id === e.householdId);
    expect(decLines.filter((l) => l.kind === 'recovery').map((l) => l.amount_fen)).toEqual([-2_000]);
    expect(decLines.filter((l) => l.kind === 'recovery')[0]!.components).toMatchObject({ recoveredBeforeFen: 2_000, floorFen: 58_000 });
    expect(decLines.some((l) => l.kind === 'arrears' || l.kind === 'price_subsidy')).toBe(false);
  });

  it('includes temporary-aid payments approved for bank transfer in the month as their own lines', async () => {
    const db = await appDb();
    const e = await enroll(db, { amountFen: 50_000, startMonth: '2023-01' });
    const [c] = rows<{ id: string }>(
      await db.execute(sql`insert into temp_aid_cases (household_id, kind, cause, narrative, state, requested_fen, approved_fen, county_code, township_code, village_code, created_by, opened_on)
        values (${e.householdId}, 'expenditure', 'medical', '住院自付费用过高', 'approved', 300000, 300000, ${COUNTY}, '141127100', '141127100200', ${staff.caseworker.id}, '2023-03-05') returning id`),
    );
    const pay = (month: string, method: string) => sql`insert into temp_aid_payments (case_id, household_id, purpose, amount_fen, method, payee_name, status, month, approved_by, approved_on, county_code, township_code, village_code)
      values (${c!.id}, ${e.householdId}, 'approved', 300000, ${method}, '测试户主', 'approved', ${month}, ${staff.supervisor.id}, '2023-03-10', ${COUNTY}, '141127100', '141127100200') returning id`;
    const [bank] = rows<{ id: string }>(await db.execute(pay('2023-04', 'bank')));
    await db.execute(pay('2023-04', 'cash'));
    await db.execute(pay('2023-05', 'bank'));
    const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2023-04' });
    const aid = (await linesOf(db, runId)).filter((l) => l.kind === 'temp_aid');
    expect(aid.map((l) => [l.source_id, l.program, l.amount_fen, l.household_id])).toEqual([[bank!.id, 'temp', 300_000, e.householdId]]);
    expect(await regenerateRun(staff.caseworker, { runId })).toMatchObject({ inserted: 0, updated: 0, removed: 0 });
  });

  it('keeps other counties and other roles out', async () => {
    const other = await signedIn('caseworker2'); // 方山县 峪口镇
    await expect(startRun(other, { countyCode: COUNTY, month: '2023-06' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(startRun(await signedIn('auditor'), { countyCode: COUNTY, month: '2023-06' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(startRun(staff.caseworker, { countyCode: COUNTY, month: '2099-01' })).rejects.toMatchObject({ code: 'invalid_input' });
    const db = await appDb();
    const e = await enroll(db, { amountFen: 1_000, startMonth: '2023-01', villageCode: OTHER_VILLAGE });
    await expect(addAdjustment(other, { enrollmentId: e.enrollmentId, kind: 'recovery', startMonth: '2023-12', amount: 100, perMonth: 100, reason: '越权扣回' })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refreshes the planner’s statistics of payout_lines after a generation that wrote a large share of it', async () => {
    const db = await appDb();
    await enroll(db, { amountFen: 100_000, startMonth: '2023-01' });
    await startRun(staff.caseworker, { countyCode: COUNTY, month: '2023-10' });
    expect(await analyzeLinesIfStale(db, 10)).toBe(false); // a few lines: autovacuum's business
    expect(await analyzeLinesIfStale(db, 50_000)).toBe(true);
    const [t] = rows<{ reltuples: number; n: number }>(
      await db.execute(sql`select c.reltuples::float8 as reltuples, (select count(*)::int from payout_lines) as n from pg_class c where c.oid = 'payout_lines'::regclass`),
    );
    expect(t!.reltuples).toBe(t!.n);
  });
});

export type { SessionUser };
