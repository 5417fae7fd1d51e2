import { sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addAdjustment } from '@/lib/payouts/add-adjustment';
import { approveRun } from '@/lib/payouts/approve-run';
import { exportBankFile } from '@/lib/payouts/bank-file';
import { confirmAccount } from '@/lib/payouts/confirm-account';
import { importReturn } from '@/lib/payouts/import-return';
import { householdPayments } from '@/lib/payouts/queries';
import { regenerateRun } from '@/lib/payouts/regenerate-run';
import { exportRoster } from '@/lib/payouts/roster';
import { startRun } from '@/lib/payouts/start-run';
import { appDb, signedIn } from './support/app';
import { cardNumber, clearCounty, COUNTY, countyStaff, enroll, linesOf, rows, textOf } from './support/payouts';

let staff: Awaited<ReturnType<typeof countyStaff>>;
beforeAll(async () => {
  staff = await countyStaff();
});
beforeEach(async () => clearCounty(await appDb()));

async function run(runId: string) {
  const db = await appDb();
  const [r] = rows<{ state: string; version: number; total_fen: string }>(await db.execute(sql`select state, version, total_fen from payout_runs where id = ${runId}`));
  return r!;
}

/** The run's bank CSV, parsed: data rows and the control row. */
async function bankCsv(runId: string) {
  const { stream } = await exportBankFile(staff.supervisor, runId, 'csv');
  const lines = (await textOf(stream)).replace(/^\uFEFF/, '').trim().split('\r\n');
  const cells = lines.map((l) => l.split(','));
  return { header: cells[0]!, rows: cells.slice(1, -1), control: cells.at(-1)! };
}

const csv = (rows: string[][]) => ['序号,账号,金额,结果,原因', ...rows.map((r) => r.join(','))].join('\r\n');

describe('approval', () => {
  it('is for a supervisor of the county who did not prepare the run, at the version seen; then nothing changes', async () => {
    const db = await appDb();
    await enroll(db, { amountFen: 100_000, startMonth: '2019-01' });
    const { runId } = await startRun(staff.supervisor, { countyCode: COUNTY, month: '2019-02' });
    const { version } = await run(runId);

    await expect(approveRun(staff.caseworker, { runId, version })).rejects.toMatchObject({ code: 'not_found' });
    await expect(approveRun(await signedIn('supervisor'), { runId, version })).rejects.toMatchObject({ code: 'not_found' }); // 交口县
    await expect(approveRun(staff.supervisor, { runId, version })).rejects.toMatchObject({ code: 'same_person', fieldErrors: { _form: '生成或重新生成发放批次的人不能审批同一批次' } });
    await expect(approveRun(staff.supervisor2, { runId, version: version - 1 })).rejects.toMatchObject({ code: 'conflict' });
    await approveRun(staff.supervisor2, { runId, version });
    expect(await run(runId)).toMatchObject({ state: 'approved', version: version + 1 });
    await expect(approveRun(staff.supervisor2, { runId, version: version + 1 })).rejects.toMatchObject({ code: 'conflict' });

    // The verbs refuse …
    await expect(regenerateRun(staff.caseworker, { runId })).rejects.toMatchObject({ code: 'precondition', fieldErrors: { _form: '2019-02 的发放批次已审批，不能再修改' } });
    await expect(startRun(staff.caseworker, { countyCode: COUNTY, month: '2019-02' })).rejects.toMatchObject({ code: 'precondition', fieldErrors: { _form: '2019-02 的发放批次已审批，不能再修改' } });
    const [line] = await linesOf(db, runId);
    await expect(
      addAdjustment(staff.caseworker, { enrollmentId: line!.enrollment_id!, kind: 'recovery', startMonth: '2019-02', amount: 100, perMonth: 100, reason: '审批后追加扣回' }),
    ).rejects.toMatchObject({ fieldErrors: { startMonth: expect.stringContaining('已审批') } });
    // … and so does the database, whatever the code does.
    await expect(db.execute(sql`update payout_lines set amount_fen = amount_fen + 1 where run_id = ${runId}`)).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
    await expect(db.execute(sql`delete from payout_lines where run_id = ${runId}`)).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
    await expect(db.execute(sql`update payout_runs set total_fen = 1 where id = ${runId}`)).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
    await expect(db.execute(sql`update payout_runs set state = 'draft' where id = ${runId}`)).rejects.toMatchObject({ cause: expect.objectContaining({ code: '42501' }) });
    const [audit] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_log where entity = 'payout_run' and entity_id = ${runId} and action = 'payout.approve'`));
    expect(audit!.n).toBe(1);
  });

  it('refuses an approver who entered an adjustment in the run', async () => {
    const db = await appDb();
    const e = await enroll(db, { amountFen: 100_000, startMonth: '2019-01' });
    await addAdjustment(staff.supervisor2, { enrollmentId: e.enrollmentId, kind: 'recovery', startMonth: '2019-03', amount: 5_000, perMonth: 1_000, reason: '重复领取追回' });
    const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2019-03' });
    const { version } = await run(runId);
    await expect(approveRun(staff.supervisor2, { runId, version })).rejects.toMatchObject({ fieldErrors: { _form: expect.stringContaining('本人录入') } });
    await approveRun(staff.supervisor, { runId, version });
  });
});

describe('bank file and reconciliation', () => {
  async function approvedRun(month: string) {
    const db = await appDb();
    const a = await enroll(db, { amountFen: 245_200, startMonth: '2019-01', persons: 5 });
    const b = await enroll(db, { program: 'dis_living', amountFen: 5_000, startMonth: '2019-01', householdId: a.householdId });
    const c = await enroll(db, { amountFen: 80_000, startMonth: '2019-01' });
    const blocked = await enroll(db, { amountFen: 70_000, startMonth: '2019-01', bank: false });
    await addAdjustment(staff.caseworker, { enrollmentId: c.enrollmentId, kind: 'recovery', startMonth: month, amount: 3_000, perMonth: 3_000, floor: 0, reason: '多发追回' });
    const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month });
    await approveRun(staff.supervisor, { runId, version: (await run(runId)).version });
    return { runId, a, b, c, blocked };
  }

  it('writes one row per payment with the control total, nets 扣回, leaves out the blocked, and audits the full-account export', async () => {
    const { runId, c } = await approvedRun('2019-04');
    const auditor = await signedIn('auditor');
    await expect(exportBankFile(auditor, runId, 'csv')).rejects.toMatchObject({ code: 'not_found' });
    await expect(exportBankFile(await signedIn('caseworker2'), runId, 'csv')).rejects.toMatchObject({ code: 'not_found' });

    const { header, rows: data, control } = await bankCsv(runId);
    expect(header).toEqual(['序号', '收款人', '身份证号', '开户银行', '账户类型', '账号', '金额（元）', '摘要']);
    expect(data.map((r) => r[6]).sort()).toEqual(['2452.00', '50.00', '770.00']);
    expect(control.slice(0, 2)).toEqual(['合计', '3']);
    expect(control[6]).toBe('3272.00');
    expect(data.every((r) => /^\d{19}$/.test(r[5]!))).toBe(true); // full account numbers: the bank needs them
    expect(data.every((r) => /^\d{6}\*{8}\d{3}[\dX]$/.test(r[2]!))).toBe(true); // IDs masked: it does not
    expect((await run(runId)).state).toBe('exported');

    const xlsx = await exportBankFile(staff.caseworker, runId, 'xlsx');
    expect((await new Response(xlsx.stream).arrayBuffer()).byteLength).toBeGreaterThan(1000);
    const db = await appDb();
    const audits = rows<{ actor_id: string; after: { format: string; fullAccountNumbers: boolean; lines: number; totalFen: number } }>(
      await db.execute(sql`select actor_id, after from audit_log where entity_id = ${runId} and action = 'payout.bank_file' order by id`),
    );
    expect(audits.map((x) => [x.actor_id, x.after.format, x.after.fullAccountNumbers, x.after.lines, x.after.totalFen])).toEqual([
      [staff.supervisor.id, 'csv', true, 3, 327_200],
      [staff.caseworker.id, 'xlsx', true, 3, 327_200],
    ]);
    const roster = await exportRoster(auditor, runId);
    expect((await new Response(roster.stream).arrayBuffer()).byteLength).toBeGreaterThan(1000);
    expect(c).toBeTruthy();
  });

  it('refuses a return file that does not match the run, whole, with a report per line', async () => {
    const { runId } = await approvedRun('2019-05');
    const { rows: data } = await bankCsv(runId);
    const db = await appDb();
    const [other] = rows<{ id: string }>(await db.execute(sql`select id from payout_lines where run_id <> ${runId} limit 1`));
    const [r1, r2, r3] = data;
    const bad = csv([
      [r1![0]!, r1![5]!, r1![6]!, '成功', ''],
      [r2![0]!, r2![5]!, '1.00', '成功', ''],
      [r1![0]!, r1![5]!, r1![6]!, '成功', ''],
      [other!.id, '6222000000000000000', '10.00', '成功', ''],
      [r3![0]!, r3![5]!, r3![6]!, '失败', ''],
    ]);
    const outcome = await importReturn(staff.caseworker, runId, { name: 'bad.csv', text: bad });
    expect(outcome).toMatchObject({ ok: false, totalErrors: 4 });
    if (outcome.ok) throw new Error('unreachable');
    expect(outcome.errors.map((e) => [e.row, e.message])).toEqual([
      [3, expect.stringContaining('金额不符')],
      [4, expect.stringContaining('序号重复')],
      [5, '序号不属于本批次'],
      [6, '失败须注明原因'],
    ]);
    expect((await linesOf(db, runId)).every((l) => l.status === 'pending')).toBe(true);
    expect(await importReturn(staff.caseworker, runId, { name: 'x.csv', text: '序号,金额\r\n1,2' })).toMatchObject({ ok: false, message: expect.stringContaining('缺少') });
  });

  it('marks lines paid or failed, reconciles the run, and re-issues a failed line next month once the account is fixed', async () => {
    const { runId, a, c } = await approvedRun('2019-06');
    const { rows: data } = await bankCsv(runId);
    const db = await appDb();
    const lines = await linesOf(db, runId);
    const lineC = lines.find((l) => l.enrollment_id === c.enrollmentId && l.kind === 'enrollment')!;
    const good = csv(data.map((r) => (Number(r[0]) === lineC.id ? [r[0]!, r[5]!, r[6]!, '失败', '账户已销户'] : [r[0]!, r[5]!, r[6]!, '成功', ''])));
    const outcome = await importReturn(staff.supervisor, runId, { name: 'return.csv', text: good });
    expect(outcome).toEqual({ ok: true, paidCount: 2, failedCount: 1, paidFen: 250_200, failedFen: 77_000, outstanding: 0, payableFen: 327_200, reconciled: true });
    expect((await run(runId)).state).toBe('reconciled');
    const after = await linesOf(db, runId);
    expect(after.filter((l) => l.enrollment_id === c.enrollmentId).map((l) => [l.kind, l.status])).toEqual([
      ['enrollment', 'failed'],
      ['recovery', 'failed'],
    ]);
    expect(await importReturn(staff.supervisor, runId, { name: 'again.csv', text: good })).toMatchObject({ ok: false, message: expect.stringContaining('已全部对账') });

    // July: the account is unchanged, so the failed June line is not re-issued yet …
    const july = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2019-07' });
    const reissues = async () => (await linesOf(db, july.runId)).filter((l) => l.kind === 'reissue');
    expect(await reissues()).toEqual([]);
    // … until the caseworker records the new account; then it is, once, net of the June 扣回.
    await db.execute(sql`update households set bank_account = ${cardNumber()} where id = ${c.householdId}`);
    await regenerateRun(staff.caseworker, { runId: july.runId });
    expect((await reissues()).map((l) => [l.source_id, l.amount_fen])).toEqual([[String(lineC.id), 77_000]]);
    expect(await regenerateRun(staff.caseworker, { runId: july.runId })).toMatchObject({ inserted: 0, updated: 0, removed: 0 });
    const august = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2019-08' });
    expect((await linesOf(db, august.runId)).filter((l) => l.kind === 'reissue')).toEqual([]);

    const history = await householdPayments(staff.caseworker, a.householdId);
    expect(history.filter((h) => h.month === '2019-06').map((h) => [h.program, h.amountFen, h.status])).toEqual([
      ['dibao', 245_200, 'paid'],
      ['dis_living', 5_000, 'paid'],
    ]);
    const failed = (await householdPayments(staff.caseworker, c.householdId)).find((h) => h.id === lineC.id)!;
    expect(failed).toMatchObject({ status: 'failed', failureReason: '账户已销户', reissuedIn: '2019-07' });
    await expect(householdPayments(await signedIn('caseworker2'), a.householdId)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('re-issues after a caseworker confirms the account of a transient failure', async () => {
    const { runId, c } = await approvedRun('2019-09');
    const { rows: data } = await bankCsv(runId);
    const db = await appDb();
    const lineC = (await linesOf(db, runId)).find((l) => l.enrollment_id === c.enrollmentId && l.kind === 'enrollment')!;
    const partial = csv(data.filter((r) => Number(r[0]) === lineC.id).map((r) => [r[0]!, r[5]!, r[6]!, '失败', '银行系统繁忙']));
    expect(await importReturn(staff.caseworker, runId, { name: 'part1.csv', text: partial })).toMatchObject({ ok: true, failedCount: 1, outstanding: 2, reconciled: false });
    expect((await run(runId)).state).toBe('exported');
    await confirmAccount(staff.caseworker, { lineId: lineC.id, note: '电话核实账户正常' });
    await expect(confirmAccount(staff.caseworker, { lineId: lineC.id, note: '再次核实账户' })).rejects.toMatchObject({ code: 'precondition', fieldErrors: { _form: '该明细的账户已核实' } });
    const oct = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2019-10' });
    expect((await linesOf(db, oct.runId)).filter((l) => l.kind === 'reissue').map((l) => l.source_id)).toEqual([String(lineC.id)]);
  });
});
