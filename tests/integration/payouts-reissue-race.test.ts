// A source of money is held by at most one line that can be paid. The race that broke it: a line
// the bank returned as failed, its account confirmed, and two drafts of the county (two months)
// regenerated at the same moment by two app instances. Both used to re-issue it (each statement
// saw no other holder), and both bank files paid it.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveRun } from '@/lib/payouts/approve-run';
import { exportBankFile } from '@/lib/payouts/bank-file';
import { confirmAccount } from '@/lib/payouts/confirm-account';
import { importReturn } from '@/lib/payouts/import-return';
import { householdPayments } from '@/lib/payouts/queries';
import { regenerateRun } from '@/lib/payouts/regenerate-run';
import { startRun } from '@/lib/payouts/start-run';
import { appDb, ownerDb } from './support/app';
import { startInstance, type Instance } from './support/instance-client';
import { countyStaff, enroll, linesOf, rows, textOf } from './support/payouts';

const COUNTY = '141126'; // 石楼县: no other test file generates runs here
const ROUNDS = 20;

let staff: Awaited<ReturnType<typeof countyStaff>>;
let other: Instance;
beforeAll(async () => {
  staff = await countyStaff(COUNTY);
  other = await startInstance();
}, 60_000);
afterAll(async () => other?.stop());

async function villageOf(county: string): Promise<string> {
  const [v] = rows<{ code: string }>(await (await appDb()).execute(sql`select code from regions where level = 'village' and code like ${`${county}%`} order by code limit 1`));
  return v!.code;
}

async function reissuesOf(lineId: number) {
  return rows<{ id: string; run_id: string; month: string }>(
    await (await appDb()).execute(sql`select id, run_id, month from payout_lines where kind = 'reissue' and source_id = ${String(lineId)}`),
  );
}

async function versionOf(runId: string): Promise<number> {
  const [r] = rows<{ version: number }>(await (await appDb()).execute(sql`select version from payout_runs where id = ${runId}`));
  return r!.version;
}

/** The bank file's data rows (序号 first), without the header and the control row. */
async function bankRows(runId: string): Promise<string[][]> {
  const { stream } = await exportBankFile(staff.finance, runId, 'csv');
  return (await textOf(stream)).replace(/^\uFEFF/, '').trim().split('\r\n').slice(1, -1).map((l) => l.split(','));
}

describe('a failed line re-issued by concurrent regenerations', () => {
  it('is held by exactly one draft however the two instances interleave, and paid by one bank file', async () => {
    const db = await appDb();
    const village = await villageOf(COUNTY);
    const e = await enroll(db, { amountFen: 40_200, startMonth: '2016-12', villageCode: village });

    // January is paid but the bank returns the line as failed; a caseworker confirms the account.
    const jan = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2017-01' });
    await approveRun(staff.supervisor, { runId: jan.runId, version: await versionOf(jan.runId) });
    const [row] = await bankRows(jan.runId);
    const failed = (await linesOf(db, jan.runId)).find((l) => l.enrollment_id === e.enrollmentId)!;
    const answer = ['序号,账号,金额,结果,原因', [row![0], row![5], row![6], '失败', '银行系统繁忙'].join(',')].join('\r\n');
    expect(await importReturn(staff.finance, jan.runId, { name: 'jan.csv', text: answer })).toMatchObject({ ok: true, failedCount: 1 });
    await confirmAccount(staff.caseworker, { lineId: failed.id, note: '电话核实账户正常' });

    // Two drafts that could each re-issue it.
    const feb = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2017-02' });
    const mar = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2017-03' });
    expect((await reissuesOf(failed.id)).length).toBe(1);

    const outcomes = new Map<string, number>();
    for (let round = 0; round < ROUNDS; round++) {
      // Each round starts with nobody holding it (as right after the confirmation), then both
      // instances regenerate both drafts at once, in opposite orders.
      await db.execute(sql`delete from payout_lines where kind = 'reissue' and source_id = ${String(failed.id)}`);
      const [a, b, c, d] = await Promise.all([
        regenerateRun(staff.caseworker, { runId: feb.runId }),
        other.call('regenerateRun', staff.caseworker, { runId: mar.runId }),
        other.call('regenerateRun', staff.caseworker, { runId: feb.runId }),
        regenerateRun(staff.caseworker, { runId: mar.runId }),
      ]);
      expect(a.runId).toBe(feb.runId);
      expect(d.runId).toBe(mar.runId);
      expect(b, JSON.stringify(b)).toMatchObject({ ok: true });
      expect(c, JSON.stringify(c)).toMatchObject({ ok: true });
      const held = await reissuesOf(failed.id);
      expect(held.length, `round ${round}: the re-issue is held by ${held.length} lines`).toBe(1);
      outcomes.set(held[0]!.month, (outcomes.get(held[0]!.month) ?? 0) + 1);
    }
    expect([...outcomes.values()].reduce((s, n) => s + n, 0)).toBe(ROUNDS);

    // Both drafts approved (by instance B for one of them) and exported: one bank file pays it.
    await approveRun(staff.supervisor, { runId: feb.runId, version: await versionOf(feb.runId) });
    expect(await other.call('approveRun', staff.supervisor, { runId: mar.runId, version: await versionOf(mar.runId) })).toMatchObject({ ok: true });
    const [holder] = await reissuesOf(failed.id);
    const paying = [];
    for (const run of [feb, mar]) {
      const ids = (await bankRows(run.runId)).map((r) => r[0]);
      if (ids.includes(holder!.id)) paying.push(run.runId);
    }
    expect(paying).toEqual([holder!.run_id]);

    // The household page says which run re-issued the failed line.
    const history = await householdPayments(staff.caseworker, e.householdId);
    expect(history.find((h) => h.id === failed.id)).toMatchObject({ status: 'failed', reissuedIn: holder!.month, reissuedBy: { runId: holder!.run_id, month: holder!.month, runState: 'exported' } }); // its bank file was downloaded above
  });

  it('is refused at approval should a second line of the same source get past the index (a restored backup, a hand-made fix)', async () => {
    const db = await appDb();
    const village = await villageOf(COUNTY);
    const e = await enroll(db, { amountFen: 30_000, startMonth: '2016-06', villageCode: village });
    const jul = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2016-07' });
    const [line] = (await linesOf(db, jul.runId)).filter((l) => l.enrollment_id === e.enrollmentId);
    const aug = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2016-08' });
    const copy = sql`insert into payout_lines (run_id, kind, program, enrollment_id, source_id, household_id, month, amount_fen, county_code, township_code, village_code)
      select ${aug.runId}, 'reissue', program, enrollment_id, ${String(line!.id)}, household_id, '2016-08', amount_fen, county_code, township_code, village_code
      from payout_lines where id = ${line!.id}`;
    const twice = sql`insert into payout_lines (run_id, kind, program, enrollment_id, source_id, household_id, month, amount_fen, county_code, township_code, village_code)
      select ${jul.runId}, 'reissue', program, enrollment_id, ${String(line!.id)}, household_id, '2016-07', amount_fen, county_code, township_code, village_code
      from payout_lines where id = ${line!.id}`;
    await db.execute(copy);
    // The index refuses the second holder …
    await expect(db.execute(twice)).rejects.toMatchObject({ cause: expect.objectContaining({ constraint_name: 'payout_lines_one_holder_uq' }) });
    // … and with the index gone, approval still refuses the run that holds it a second time.
    const owner = await ownerDb(); // a restored backup or a DBA's hand: above the app's rights
    await owner.execute(sql`drop index payout_lines_one_holder_uq`);
    try {
      await db.execute(twice);
      await expect(approveRun(staff.supervisor, { runId: jul.runId, version: await versionOf(jul.runId) })).rejects.toMatchObject({
        code: 'precondition',
        fieldErrors: { _form: '批次中有 1 条明细的资金来源已由其他批次发放或列入，请先重新生成批次再审批' },
      });
    } finally {
      await db.execute(sql`delete from payout_lines where kind = 'reissue' and source_id = ${String(line!.id)}`);
      await owner.execute(sql.raw(`CREATE UNIQUE INDEX "payout_lines_one_holder_uq" ON "payout_lines" USING btree ("kind","source_id") WHERE "payout_lines"."source_id" is not null and "payout_lines"."kind" <> 'recovery'`));
    }
  });
});
