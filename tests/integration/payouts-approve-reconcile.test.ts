import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
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
  const { stream } = await exportBankFile(staff.finance, runId, 'csv');
  const lines = (await textOf(stream)).replace(/^\uFEFF/, '').trim().split('\r\n');
  const cells = lines.map((l) => l.split(','));
  return { header: cells[0]!, rows: cells.slice(1, -1), control: cells.at(-1)! };
}

/** The first sheet of an XLSX stream: its name and its rows as cell values (an empty cell is null). */
async function sheetOf(stream: ReadableStream<Uint8Array>) {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await new Response(stream).arrayBuffer()) as unknown as ArrayBuffer);
  const sheet = book.worksheets[0]!;
  const values: unknown[][] = [];
  sheet.eachRow((r) => values.push(Array.from((r.values as unknown[]).slice(1), (v) => v ?? null))); // holes → null
  return { name: sheet.name, values, sheet };
}

/**
 * What the files must carry or hide, read from the tables rather than from the code under test:
 * every resident ID of the run's households, and each household's head ID and bank account.
 */
async function peopleOf(runId: string) {
  const db = await appDb();
  const ids = rows<{ household_id: string; id_number: string; is_head: boolean }>(
    await db.execute(sql`select m.household_id, m.id_number, m.is_head from members m where m.household_id in (select household_id from payout_lines where run_id = ${runId})`),
  );
  const accounts = rows<{ id: string; bank_account: string | null }>(
    await db.execute(sql`select id, bank_account from households where id in (select household_id from payout_lines where run_id = ${runId})`),
  );
  return {
    allIds: ids.map((m) => m.id_number),
    headId: new Map(ids.filter((m) => m.is_head).map((m) => [m.household_id, m.id_number])),
    account: new Map(accounts.map((h) => [h.id, h.bank_account])),
  };
}

// The masks spelled out here, not imported: a test that reused maskIdNumber would pass whatever it did.
const maskedId = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;
const maskedAccount = (account: string) => `${account.slice(0, 4)} **** **** ${account.slice(-4)}`;
const yuanText = (fen: number) => (fen / 100).toFixed(2);

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
    expect(await run(runId)).toMatchObject({ state: 'approved', version: version + 1 });
  });

  /** Approvals of a run recorded in the audit log, and who the run says approved it. */
  async function approvals(runId: string) {
    const db = await appDb();
    const [r] = rows<{ n: number; approved_by: string | null }>(
      await db.execute(sql`select (select count(*)::int from audit_log where entity_id = ${runId} and action = 'payout.approve') as n, approved_by from payout_runs where id = ${runId}`),
    );
    return r!;
  }

  it('refuses a supervisor who entered a 补发 the run took; another supervisor of the county approves the same version', async () => {
    const db = await appDb();
    const e = await enroll(db, { amountFen: 100_000, startMonth: '2021-01' });
    const { id: adjustmentId } = await addAdjustment(staff.supervisor, {
      enrollmentId: e.enrollmentId, kind: 'arrears', forMonth: '2021-03', startMonth: '2021-04', amount: 100_000, reason: '系统故障漏发三月',
    });
    const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2021-04' });
    // The run took it: the month's own line and the 补发 line of this adjustment.
    expect((await linesOf(db, runId)).map((l) => [l.kind, l.enrollment_id, l.source_id, l.amount_fen])).toEqual([
      ['enrollment', e.enrollmentId, null, 100_000],
      ['arrears', e.enrollmentId, adjustmentId, 100_000],
    ]);
    const { version } = await run(runId);

    await expect(approveRun(staff.supervisor, { runId, version })).rejects.toMatchObject({
      code: 'same_person',
      fieldErrors: { _form: '批次中有您本人录入的补发或扣回，须由其他审核审批人审批' },
    });
    expect(await run(runId)).toMatchObject({ state: 'draft', version }); // nothing moved
    expect(await approvals(runId)).toEqual({ n: 0, approved_by: null });

    // The control: the county's other supervisor, who neither generated the run nor entered anything in it.
    await approveRun(staff.supervisor2, { runId, version });
    expect(await run(runId)).toMatchObject({ state: 'approved', version: version + 1 });
    expect(await approvals(runId)).toEqual({ n: 1, approved_by: staff.supervisor2.id });
  });

  it('refuses the supervisor who entered a 扣回 in every run that takes an instalment of it, and only those', async () => {
    const db = await appDb();
    const e = await enroll(db, { amountFen: 100_000, startMonth: '2021-05' });
    const { id: adjustmentId } = await addAdjustment(staff.supervisor2, {
      enrollmentId: e.enrollmentId, kind: 'recovery', startMonth: '2021-06', amount: 2_000, perMonth: 1_000, floor: 0, reason: '重复领取分两月追回',
    });
    const instalments = async (runId: string) => (await linesOf(db, runId)).filter((l) => l.kind === 'recovery').map((l) => [l.source_id, l.amount_fen]);
    for (const month of ['2021-06', '2021-07']) {
      const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month });
      expect(await instalments(runId), `${month} takes an instalment`).toEqual([[adjustmentId, -1_000]]);
      const { version } = await run(runId);
      await expect(approveRun(staff.supervisor2, { runId, version }), month).rejects.toMatchObject({ fieldErrors: { _form: expect.stringContaining('本人录入') } });
      expect(await run(runId)).toMatchObject({ state: 'draft', version });
      await approveRun(staff.supervisor, { runId, version });
      expect(await approvals(runId)).toEqual({ n: 1, approved_by: staff.supervisor.id });
    }
    // Recovered in full: August's run takes nothing of it, and its author may approve that run.
    const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2021-08' });
    expect(await instalments(runId)).toEqual([]);
    await approveRun(staff.supervisor2, { runId, version: (await run(runId)).version });
    expect(await approvals(runId)).toEqual({ n: 1, approved_by: staff.supervisor2.id });
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
    const { runId, a, b, c, blocked } = await approvedRun('2019-04');
    const auditor = await signedIn('auditor');
    await expect(exportBankFile(auditor, runId, 'csv')).rejects.toMatchObject({ code: 'not_found' });
    await expect(exportBankFile(await signedIn('caseworker2'), runId, 'csv')).rejects.toMatchObject({ code: 'not_found' });

    const db = await appDb();
    const [figures] = rows<{ line_count: number; blocked_count: number; total_fen: string; payable_lines: number; payable_fen: number }>(
      await db.execute(sql`select line_count, blocked_count, total_fen, (summary->>'payableLines')::int as payable_lines, (summary->>'payableFen')::int as payable_fen from payout_runs where id = ${runId}`),
    );
    expect(figures).toMatchObject({ line_count: 5, blocked_count: 1, payable_lines: 3, payable_fen: 327_200 });
    const lines = await linesOf(db, runId);
    // The bank pays every unblocked line but 扣回, which is netted into the line it reduces.
    const payable = lines.filter((l) => !l.blocked && l.kind !== 'recovery');
    const people = await peopleOf(runId);

    const { header, rows: data, control } = await bankCsv(runId);
    expect(header).toEqual(['序号', '收款人', '身份证号', '开户银行', '账户类型', '账号', '金额（元）', '摘要']);
    expect(data).toHaveLength(figures!.payable_lines);
    expect(data.map((r) => Number(r[0])).sort((x, y) => x - y)).toEqual(payable.map((l) => l.id).sort((x, y) => x - y));
    const lineOf = (r: string[]) => lines.find((l) => l.id === Number(r[0]))!;
    // By enrollment: 2,452 and 50 for household a, c's 800 net of its 30 扣回; nothing for the blocked.
    expect(Object.fromEntries(data.map((r) => [lineOf(r).enrollment_id, r[6]]))).toEqual({
      [a.enrollmentId]: '2452.00',
      [b.enrollmentId]: '50.00',
      [c.enrollmentId]: '770.00',
    });
    expect(data.some((r) => lineOf(r).household_id === blocked.householdId)).toBe(false);
    const sumFen = data.reduce((s, r) => s + Math.round(Number(r[6]) * 100), 0);
    expect(sumFen).toBe(figures!.payable_fen);
    expect(control).toEqual(['合计', String(figures!.payable_lines), '', '', '', '', yuanText(sumFen), `岚县 2019-04 发放批次 ${runId}`]);
    // Full account numbers (the bank needs them), each the household's own; IDs masked (it does not).
    for (const r of data) {
      const householdId = lineOf(r).household_id;
      expect(r[5], `account of line ${r[0]}`).toBe(people.account.get(householdId));
      expect(r[5]).toMatch(/^\d{19}$/);
      expect(r[2], `ID of line ${r[0]}`).toBe(maskedId(people.headId.get(householdId)!));
      expect(r[2]).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    }
    const csvText = [header, ...data, control].map((r) => r.join(',')).join('\n');
    for (const id of people.allIds) expect(csvText, 'a full resident ID in the bank file').not.toContain(id);
    expect((await run(runId)).state).toBe('exported');

    // The XLSX carries the same rows as the CSV, account and ID as text (a number would lose digits).
    const xlsx = await sheetOf((await exportBankFile(staff.finance, runId, 'xlsx')).stream);
    expect(xlsx.name).toBe('银行代发');
    expect(xlsx.values.map((r) => r.map((v) => (v === null ? '' : String(v))))).toEqual([header, ...data, control]);
    expect(xlsx.values.slice(1, -1).every((r) => typeof r[5] === 'string' && typeof r[2] === 'string')).toBe(true);
    expect(xlsx.values.at(-1)!.slice(0, 2)).toEqual(['合计', figures!.payable_lines]);

    const audits = rows<{ actor_id: string; after: { format: string; fullAccountNumbers: boolean; lines: number; totalFen: number } }>(
      await db.execute(sql`select actor_id, after from audit_log where entity_id = ${runId} and action = 'payout.bank_file' order by id`),
    );
    expect(audits.map((x) => [x.actor_id, x.after.format, x.after.fullAccountNumbers, x.after.lines, x.after.totalFen])).toEqual([
      [staff.finance.id, 'csv', true, 3, 327_200],
      [staff.finance.id, 'xlsx', true, 3, 327_200],
    ]);
  });

  it('gives the roster (花名册) every line of the run, blocked ones marked, IDs and accounts masked, with a total row equal to the run', async () => {
    const { runId, a, b, c, blocked } = await approvedRun('2019-11');
    const db = await appDb();
    const [figures] = rows<{ line_count: number; blocked_count: number; total_fen: string; payable_lines: number }>(
      await db.execute(sql`select line_count, blocked_count, total_fen, (summary->>'payableLines')::int as payable_lines from payout_runs where id = ${runId}`),
    );
    expect(figures).toMatchObject({ line_count: 5, blocked_count: 1, total_fen: '397200', payable_lines: 3 });
    const lines = await linesOf(db, runId);
    const people = await peopleOf(runId);

    // The auditor reads it (a display export, nothing in full), and the export is audited.
    const roster = await sheetOf((await exportRoster(await signedIn('auditor'), runId)).stream);
    expect(roster.name).toBe('花名册 2019-11');
    const [title, header, ...rest] = roster.values;
    // A title row across the table, the county and month in it; a signature column at the right.
    expect(title![0]).toBe('岚县 2019-11 困难群众生活救助资金发放花名册');
    expect(roster.sheet.getCell('A1').isMerged && roster.sheet.getCell('P1').isMerged).toBe(true);
    expect(header).toEqual(['序号', '乡镇', '村（社区）', '户主', '身份证号', '项目', '类别', '保障人数', '保障金（元）', '分类施保金（元）', '合计（元）', '账户名', '开户银行', '账号', '状态', '领款人签字']);
    // Under the table, who made it (the auditor, at the city) and a blank for who checks it.
    expect(rest.at(-1)!.filter(Boolean)).toEqual(['制表单位：吕梁市民政局', '制表人：陈丽华', '审核人：', expect.stringMatching(/^制表日期：\d{4}-\d{2}-\d{2}$/)]);
    const body = rest.slice(0, -1);
    const data = body.slice(0, -1);
    const total = body.at(-1)!.slice(0, 11);
    // Money as numbers in yuan (2,452 yuan is 2452, not text, not fen), shown #,##0.00; the total too.
    for (let r = 3; r <= 3 + data.length; r++) {
      for (const c of [9, 10, 11]) {
        const cell = roster.sheet.getRow(r).getCell(c);
        expect(typeof cell.value, `cell ${cell.address}`).toBe('number');
        expect(cell.numFmt, `format of ${cell.address}`).toBe('#,##0.00');
      }
    }
    expect(data).toHaveLength(figures!.line_count);
    expect(data.map((r) => r[0])).toEqual(lines.map((l) => l.id));
    const lineOf = (r: unknown[]) => lines.find((l) => l.id === r[0])!;
    const status = (r: unknown[]) => String(r[14]);
    expect(data.filter((r) => status(r).startsWith('受阻')).map((r) => lineOf(r).household_id)).toEqual([blocked.householdId]);
    expect(data.filter((r) => !status(r).startsWith('受阻') && r[6] !== '扣回')).toHaveLength(figures!.payable_lines);
    // By line (keyed, since the enrollment lines come in no set order): the enrollment amounts
    // with their persons, and c's 扣回 as a negative line of its own.
    expect(Object.fromEntries(data.map((r) => [`${lineOf(r).kind} ${lineOf(r).enrollment_id}`, [r[6], r[7], r[10]]]))).toEqual({
      [`enrollment ${a.enrollmentId}`]: ['月度发放', 5, 2452],
      [`enrollment ${b.enrollmentId}`]: ['月度发放', 1, 50],
      [`enrollment ${c.enrollmentId}`]: ['月度发放', 1, 800],
      [`enrollment ${blocked.enrollmentId}`]: ['月度发放', 1, 700],
      [`recovery ${c.enrollmentId}`]: ['扣回', null, -30],
    });
    for (const r of data) expect(Number(r[8]) + Number(r[9]), `保障金 + 分类施保金 of line ${String(r[0])}`).toBe(r[10]);

    // The total row: 合计, the row count, persons and money summed over the rows, and the run's own total.
    const sum = (col: number) => data.reduce((s, r) => s + Math.round(Number(r[col] ?? 0) * 100), 0) / 100;
    expect(total).toEqual(['合计', `${data.length} 条`, null, null, null, null, null, sum(7), sum(8), sum(9), sum(10)]);
    expect(total[7]).toBe(8); // a's five, and one each for b, c and the blocked household
    expect(total[10]).toBe(Number(figures!.total_fen) / 100);

    // Masked IDs and accounts, each the household's own; no full ID or account anywhere in the file.
    for (const r of data) {
      const householdId = lineOf(r).household_id;
      expect(r[4], `ID of line ${String(r[0])}`).toBe(maskedId(people.headId.get(householdId)!));
      const account = people.account.get(householdId);
      expect(r[13] ?? null, `account of line ${String(r[0])}`).toBe(account ? maskedAccount(account) : null);
    }
    const cells = roster.values.flat().map((v) => String(v ?? ''));
    for (const id of people.allIds) expect(cells.some((v) => v.includes(id)), `resident ID ${maskedId(id)} in full in the roster`).toBe(false);
    for (const account of people.account.values()) {
      if (account) expect(cells.some((v) => v.includes(account)), `account ${maskedAccount(account)} in full in the roster`).toBe(false);
    }
    expect(cells.some((v) => /\d{17}[\dX]/.test(v))).toBe(false);
    const [audit] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from audit_log where entity_id = ${runId} and action = 'payout.roster'`));
    expect(audit!.n).toBe(1);
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
    const outcome = await importReturn(staff.finance, runId, { name: 'bad.csv', text: bad });
    expect(outcome).toMatchObject({ ok: false, totalErrors: 4 });
    if (outcome.ok) throw new Error('unreachable');
    expect(outcome.errors.map((e) => [e.row, e.message])).toEqual([
      [3, expect.stringContaining('金额不符')],
      [4, expect.stringContaining('序号重复')],
      [5, '序号不属于本批次'],
      [6, '失败须注明原因'],
    ]);
    expect((await linesOf(db, runId)).every((l) => l.status === 'pending')).toBe(true);
    expect(await importReturn(staff.finance, runId, { name: 'x.csv', text: '序号,金额\r\n1,2' })).toMatchObject({ ok: false, message: expect.stringContaining('缺少') });
  });

  it('marks lines paid or failed, reconciles the run, and re-issues a failed line next month once the account is fixed', async () => {
    const { runId, a, c } = await approvedRun('2019-06');
    const { rows: data } = await bankCsv(runId);
    const db = await appDb();
    const lines = await linesOf(db, runId);
    const lineC = lines.find((l) => l.enrollment_id === c.enrollmentId && l.kind === 'enrollment')!;
    const good = csv(data.map((r) => (Number(r[0]) === lineC.id ? [r[0]!, r[5]!, r[6]!, '失败', '账户已销户'] : [r[0]!, r[5]!, r[6]!, '成功', ''])));
    const outcome = await importReturn(staff.finance, runId, { name: 'return.csv', text: good });
    expect(outcome).toEqual({ ok: true, paidCount: 2, failedCount: 1, paidFen: 250_200, failedFen: 77_000, outstanding: 0, payableFen: 327_200, reconciled: true });
    expect((await run(runId)).state).toBe('reconciled');
    const after = await linesOf(db, runId);
    expect(after.filter((l) => l.enrollment_id === c.enrollmentId).map((l) => [l.kind, l.status])).toEqual([
      ['enrollment', 'failed'],
      ['recovery', 'failed'],
    ]);
    expect(await importReturn(staff.finance, runId, { name: 'again.csv', text: good })).toMatchObject({ ok: false, message: expect.stringContaining('已全部对账') });

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
    expect(await importReturn(staff.finance, runId, { name: 'part1.csv', text: partial })).toMatchObject({ ok: true, failedCount: 1, outstanding: 2, reconciled: false });
    expect((await run(runId)).state).toBe('exported');
    await confirmAccount(staff.caseworker, { lineId: lineC.id, note: '电话核实账户正常' });
    await expect(confirmAccount(staff.caseworker, { lineId: lineC.id, note: '再次核实账户' })).rejects.toMatchObject({ code: 'precondition', fieldErrors: { _form: '该明细的账户已核实' } });
    const oct = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2019-10' });
    expect((await linesOf(db, oct.runId)).filter((l) => l.kind === 'reissue').map((l) => l.source_id)).toEqual([String(lineC.id)]);
  });
});
