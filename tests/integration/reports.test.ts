// Reports read the summary of approved payout runs. These tests write runs and lines straight
// to the payout tables (交口县 and 方山县, in 2015: before any month another test pays or sets a
// standard for, since no standard may start in a month an approved run covers), refresh the
// summaries the way the payout verbs do, and check every figure against the lines themselves.
import { sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import type { SessionUser } from '@/lib/auth/types';
import { dashboardFigures } from '@/lib/reports/dashboard';
import { listReportLines } from '@/lib/reports/lines';
import { monthlyNotice } from '@/lib/reports/monthly-notice';
import { noticeWorkbook } from '@/lib/reports/notice-xlsx';
import { periodTotals } from '@/lib/reports/period';
import { refreshPayoutSummary } from '@/lib/reports/refresh-summary';
import { linesFilterSchema } from '@/lib/reports/schemas';
import { workQueue } from '@/lib/reports/work-queue';
import { appDb, insertHousehold, signedIn } from './support/app';

const JIAOKOU = '141130';
const KANGCHENG = '141130101200'; // 康城镇 康城村
const JIAOKOU_OTHER = '141130100001'; // 交口县, another township
const FANGSHAN = '141128102200'; // 方山县 峪口镇
const [M1, M2, M3] = ['2015-01', '2015-02', '2015-03'];
const NOW = new Date('2015-03-20T04:00:00Z');

const rows = <T>(r: unknown): T[] => (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
let db: Db;
let preparer: string;
const users: Record<string, SessionUser> = {};

async function run(county: string, month: string, state = 'reconciled', exportedAt = `${month}-10T02:00:00Z`): Promise<string> {
  const [r] = rows<{ id: string }>(
    await db.execute(sql`insert into payout_runs (county_code, month, state, prepared_by, generated_at, approved_at, exported_at, reconciled_at)
      values (${county}, ${month}, ${state}, ${preparer}::uuid, now(), ${state === 'draft' ? null : exportedAt}::timestamptz, ${state === 'draft' ? null : exportedAt}::timestamptz, null)
      returning id`),
  );
  return r!.id;
}

async function enrollment(householdId: string, village: string, program = 'dibao'): Promise<string> {
  const [e] = rows<{ id: string }>(
    await db.execute(sql`insert into enrollments (program, household_id, status, county_code, township_code, village_code, start_month)
      values (${program}, ${householdId}::uuid, 'active', ${village.slice(0, 6)}, ${village.slice(0, 9)}, ${village}, ${M1}) returning id`),
  );
  return e!.id;
}

interface Line {
  runId: string;
  month: string;
  householdId: string;
  village: string;
  amountFen: number;
  persons?: number;
  kind?: string;
  program?: string;
  enrollmentId?: string | null;
  status?: 'paid' | 'failed' | 'pending';
  blocked?: boolean;
  components?: object;
}

let sourceSeq = 0;
async function line(l: Line): Promise<void> {
  const kind = l.kind ?? 'enrollment';
  await db.execute(sql`insert into payout_lines (run_id, kind, program, enrollment_id, source_id, household_id, month, persons, amount_fen, components,
      bank_name, bank_account_kind, bank_account, bank_account_holder, blocked, status, county_code, township_code, village_code)
    values (${l.runId}::uuid, ${kind}, ${l.program ?? 'dibao'}, ${l.enrollmentId ?? null}::uuid, ${kind === 'enrollment' ? null : `report-test-${++sourceSeq}`},
      ${l.householdId}::uuid, ${l.month}, ${l.persons ?? 1}, ${l.amountFen}, ${JSON.stringify(l.components ?? {})}::jsonb,
      '交口县农村信用合作联社', 'card', '6228480470000001235', '测试户主', ${l.blocked ?? false}, ${l.status ?? 'paid'},
      ${l.village.slice(0, 6)}, ${l.village.slice(0, 9)}, ${l.village})`);
}

/** What the summary must say, computed from the lines of approved runs directly. */
async function fromLines(where: ReturnType<typeof sql>) {
  const [r] = rows<Record<string, string>>(
    await db.execute(sql`select count(*) as lines, coalesce(sum(l.amount_fen), 0) as amount,
        coalesce(sum(l.amount_fen) filter (where l.status = 'paid'), 0) as paid,
        coalesce(sum(l.amount_fen) filter (where l.status = 'failed'), 0) as failed,
        coalesce(sum(l.persons) filter (where l.status = 'paid' and l.kind not in ('arrears', 'recovery')), 0) as person_months,
        count(distinct l.household_id) filter (where l.kind = 'enrollment') as households,
        coalesce(sum(l.persons) filter (where l.kind in ('enrollment', 'price_subsidy', 'temp_aid')), 0) as persons
      from payout_lines l join payout_runs r on r.id = l.run_id and r.state <> 'draft' where ${where}`),
  );
  return Object.fromEntries(Object.entries(r!).map(([k, v]) => [k, Number(v)]));
}

const ids: Record<string, string> = {};

beforeAll(async () => {
  db = await appDb();
  for (const u of ['caseworker', 'supervisor', 'caseworker2', 'auditor', 'admin']) users[u] = await signedIn(u);
  preparer = users.caseworker!.id;
  const hh = async (name: string, village: string) => (ids[name] = await insertHousehold(db, { villageCode: village, headName: `报表${name}` }));
  for (const [n, v] of [['A', KANGCHENG], ['B', KANGCHENG], ['C', KANGCHENG], ['D', KANGCHENG], ['E', JIAOKOU_OTHER], ['F', FANGSHAN]] as const) await hh(n, v);
  const e = Object.fromEntries(await Promise.all(['A', 'B', 'C', 'D', 'E', 'F'].map(async (n) => [n, await enrollment(ids[n]!, n === 'E' ? JIAOKOU_OTHER : n === 'F' ? FANGSHAN : KANGCHENG)])));
  ids.disA = await enrollment(ids.A!, KANGCHENG, 'dis_living');

  // M1: A, B, C, D (康城镇), E (other township), F (方山县). All paid.
  const j1 = (ids.j1 = await run(JIAOKOU, M1));
  const f1 = await run('141128', M1);
  for (const [n, amount, persons] of [['A', 245200, 5], ['B', 80000, 2], ['C', 40200, 1], ['D', 40200, 1], ['E', 60000, 2]] as const) {
    await line({ runId: j1, month: M1, householdId: ids[n]!, village: n === 'E' ? JIAOKOU_OTHER : KANGCHENG, amountFen: amount, persons, enrollmentId: e[n] });
  }
  await line({ runId: j1, month: M1, householdId: ids.A!, village: KANGCHENG, amountFen: 5000, program: 'dis_living', enrollmentId: ids.disA });
  await line({ runId: f1, month: M1, householdId: ids.F!, village: FANGSHAN, amountFen: 50000, persons: 3, enrollmentId: e.F });

  // Between M1 and M2: C stopped, D's only member died, B's amount rose; a new household G.
  await db.execute(sql`update members set status = 'deceased' where household_id = ${ids.D}::uuid`);
  ids.G = await insertHousehold(db, { villageCode: KANGCHENG, headName: '报表G' });
  e.G = await enrollment(ids.G, KANGCHENG);

  // M2, approved on time, with a price subsidy and a failed bank line (B), and an arrears line.
  const j2 = (ids.j2 = await run(JIAOKOU, M2));
  await line({ runId: j2, month: M2, householdId: ids.A!, village: KANGCHENG, amountFen: 245200, persons: 5, enrollmentId: e.A });
  await line({ runId: j2, month: M2, householdId: ids.B!, village: KANGCHENG, amountFen: 90000, persons: 2, enrollmentId: e.B, status: 'failed' });
  await line({ runId: j2, month: M2, householdId: ids.E!, village: JIAOKOU_OTHER, amountFen: 60000, persons: 2, enrollmentId: e.E });
  await line({ runId: j2, month: M2, householdId: ids.G!, village: KANGCHENG, amountFen: 30000, persons: 1, enrollmentId: e.G });
  await line({ runId: j2, month: M2, householdId: ids.A!, village: KANGCHENG, amountFen: 5000, program: 'dis_living', enrollmentId: ids.disA });
  await line({ runId: j2, month: M2, householdId: ids.A!, village: KANGCHENG, amountFen: 5000, persons: 5, kind: 'price_subsidy', program: 'price' });
  await line({ runId: j2, month: M2, householdId: ids.G!, village: KANGCHENG, amountFen: 30000, persons: 1, kind: 'arrears', enrollmentId: e.G });

  // M3, exported late (after the month ended): B re-issued; one line blocked for want of an account.
  const j3 = (ids.j3 = await run(JIAOKOU, M3, 'exported', '2015-04-02T02:00:00Z'));
  await line({ runId: j3, month: M3, householdId: ids.A!, village: KANGCHENG, amountFen: 245200, persons: 5, enrollmentId: e.A });
  await line({ runId: j3, month: M3, householdId: ids.B!, village: KANGCHENG, amountFen: 90000, persons: 2, enrollmentId: e.B });
  await line({ runId: j3, month: M3, householdId: ids.B!, village: KANGCHENG, amountFen: 90000, persons: 2, kind: 'reissue', enrollmentId: e.B, components: { originalKind: 'enrollment' } });
  await line({ runId: j3, month: M3, householdId: ids.G!, village: KANGCHENG, amountFen: 30000, persons: 1, enrollmentId: e.G, status: 'pending', blocked: true });

  // A draft of 方山县 for M2: never counted.
  const f2 = await run('141128', M2, 'draft');
  await line({ runId: f2, month: M2, householdId: ids.F!, village: FANGSHAN, amountFen: 50000, persons: 3, enrollmentId: e.F, status: 'pending' });

  // Approved out of order: M2 and M3 first, then M1 (M2's movement must still be against M1).
  for (const r of [j2, j3, f2, j1, f1]) await refreshPayoutSummary(db, r);
});

describe('payout summary', () => {
  it('adds up to the lines of approved runs, per township, program and kind', async () => {
    const groups = rows<Record<string, string>>(
      await db.execute(sql`select l.month, l.county_code, l.township_code, l.program, l.kind, count(*) as lines, sum(l.amount_fen) as amount,
          count(distinct l.household_id) as households, sum(l.persons) as persons
        from payout_lines l join payout_runs r on r.id = l.run_id and r.state <> 'draft'
        where l.month like '2015-%' and l.county_code in ('141130', '141128')
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`),
    );
    const summary = rows<Record<string, string>>(
      await db.execute(sql`select month, county_code, township_code, program, kind, sum(lines) as lines, sum(amount_fen) as amount,
          sum(households) as households, sum(persons) as persons
        from payout_summary where month like '2015-%' and county_code in ('141130', '141128')
        group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5`),
    );
    expect(summary.map((r) => Object.values(r).map(String))).toEqual(groups.map((r) => Object.values(r).map(String)));
    expect(groups.length).toBeGreaterThan(8);
  });

  it('leaves draft runs out', async () => {
    const notice = await monthlyNotice(users.auditor!, M2, NOW);
    const fangshan = notice.counties.find((c) => c.code === '141128')!;
    expect(fangshan.run).toBeNull();
    expect(fangshan.total.cur.amountFen).toBe(0);
    expect(fangshan.total.prev.rollFen).toBe(50000);
  });
});

describe('monthly notice', () => {
  it('states the city total of a month with a price subsidy and a failed bank line, equal to its lines', async () => {
    const notice = await monthlyNotice(users.auditor!, M2, NOW);
    const j = notice.counties.find((c) => c.code === JIAOKOU)!;
    const expected = await fromLines(sql`l.month = ${M2} and l.county_code = ${JIAOKOU}`);
    expect(j.total.cur.amountFen).toBe(expected.amount);
    expect(j.total.cur.paidFen).toBe(expected.paid);
    expect(j.total.cur.failedFen).toBe(90000);
    expect(j.total.cur.paidPersonMonths).toBe(expected.person_months);
    const price = j.rows.find((r) => r.key === 'price')!;
    expect(price).toMatchObject({ label: '价格临时补贴', cur: { households: 1, persons: 5, paidFen: 5000, paidPersonMonths: 5 } });
    const dibao = j.rows.find((r) => r.key === 'dibao:rural')!;
    expect(dibao.cur).toMatchObject({ households: 4, persons: 10, amountFen: 245200 + 90000 + 60000 + 30000 + 30000, adjustmentFen: 30000, failedFen: 90000 });
    expect(notice.scope.total.cur.amountFen).toBe((await fromLines(sql`l.month = ${M2} and l.county_code like '1411%'`)).amount);
  });

  it('explains the change against last month: 新增, 停保, 自然减员, 增发', async () => {
    const notice = await monthlyNotice(users.supervisor!, M2, NOW);
    const kangcheng = notice.counties[0]!.townships.find((t) => t.code === '141130101')!;
    const dibao = kangcheng.rows.find((r) => r.key === 'dibao:rural')!;
    expect(dibao.movements).toMatchObject({
      new: { count: 1, amountDeltaFen: 30000 },
      stopped: { count: 1, amountDeltaFen: -40200 },
      attrition: { count: 1, amountDeltaFen: -40200 },
      increased: { count: 1, amountDeltaFen: 10000 },
    });
    const explained = Object.values(dibao.movements).reduce((s, m) => s + m.amountDeltaFen, 0);
    expect(explained).toBe(dibao.cur.rollFen - dibao.prev.rollFen);
    expect(dibao.prev.households).toBe(4);
    expect(notice.counties[0]!.comparable).toBe(true);
    // The first month in the system has no approved month before it: every household is 新增
    // (as the run page says), and the 新增 explain the whole roll.
    const first = await monthlyNotice(users.supervisor!, M1, NOW);
    expect(first.counties[0]!.comparable).toBe(false);
    const total = first.counties[0]!.total;
    expect(total.movements).toEqual({ new: { count: 6, amountDeltaFen: 470_600, personsDelta: 12 } });
    expect(total.movements.new!.amountDeltaFen).toBe(total.cur.rollFen - total.prev.rollFen);
  });

  it('separates money paid on time from money paid late, and counts blocked lines apart', async () => {
    const m3 = await monthlyNotice(users.supervisor!, M3, NOW);
    const dibao = m3.counties[0]!.rows.find((r) => r.key === 'dibao:rural')!;
    expect(m3.counties[0]!.run).toMatchObject({ onTime: false, sentOn: '2015-04-02' });
    expect(dibao.lateFen).toBe(245200 + 90000 + 90000);
    expect(dibao.onTimeFen).toBe(0);
    expect(dibao.cur.blockedFen).toBe(30000);
    expect(dibao.cur.reissuePaidFen).toBe(90000);
    const m2 = await monthlyNotice(users.supervisor!, M2, NOW);
    expect(m2.counties[0]!.total.onTimeFen).toBe(m2.counties[0]!.total.cur.paidFen);
  });

  it('exports an XLSX whose totals are the notice totals', async () => {
    const notice = await monthlyNotice(users.auditor!, M1, NOW);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await noticeWorkbook(notice, '2015-03-20')) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('月通报')!;
    expect(String(sheet.getCell('A1').value)).toBe('吕梁市困难群众生活救助资金发放月通报');
    const header = sheet.getRow(4).values as unknown[];
    const amountCol = header.indexOf('应发金额');
    const last = sheet.getRow(sheet.rowCount);
    expect(last.getCell(1).value).toBe('吕梁市合计');
    expect(last.getCell(amountCol).value).toBe(notice.scope.total.cur.amountFen / 100);
    expect(book.getWorksheet('乡镇明细')!.rowCount).toBeGreaterThan(4);
  });
});

describe('scope', () => {
  it('never counts rows outside the user region', async () => {
    const own = await monthlyNotice(users.caseworker!, M2, NOW);
    expect(own.counties.map((c) => c.code)).toEqual([JIAOKOU]);
    expect(own.counties[0]!.townships.map((t) => t.code)).toEqual(['141130101']);
    expect(own.scope.total.cur.amountFen).toBe((await fromLines(sql`l.month = ${M2} and l.township_code = '141130101'`)).amount);
    const other = await monthlyNotice(users.caseworker2!, M1, NOW);
    expect(other.counties.flatMap((c) => c.townships.map((t) => t.code))).toEqual(['141128102']);
    const supervisor = await periodTotals(users.supervisor!, M1, M3);
    expect(supervisor.counties.map((c) => c.code)).toEqual([JIAOKOU]);
  });

  it('drills into lines inside the region only, without personal data for the admin', async () => {
    const filter = linesFilterSchema.parse({ month: M2, county: '141128' });
    expect((await listReportLines(users.caseworker!, filter)).rows).toEqual([]);
    const failed = await listReportLines(users.supervisor!, linesFilterSchema.parse({ month: M2, program: 'dibao', status: 'failed' }));
    expect(failed.rows.map((r) => [r.householdId, r.amountFen, r.headName])).toEqual([[ids.B, 90000, '报表B']]);
    expect(failed.rows[0]!.accountMasked).toBe('6228 **** **** 1235');
    const admin = await listReportLines(users.admin!, linesFilterSchema.parse({ month: M2, county: JIAOKOU, program: 'dibao', status: 'failed' }));
    expect(admin.rows).toHaveLength(1);
    expect(admin.rows[0]).toMatchObject({ headName: null, householdId: null, accountMasked: null, amountFen: 90000 });
    const attrition = await listReportLines(users.supervisor!, linesFilterSchema.parse({ month: M2, movement: 'attrition' }));
    expect(attrition.rows.map((r) => [r.month, r.amountDeltaFen])).toEqual([[M1, -40200]]);
  });
});

describe('period totals and dashboard', () => {
  it('counts 人次 per month paid and says it in the seed terms', async () => {
    const p = await periodTotals(users.supervisor!, M1, M3);
    const dibao = p.totals.find((t) => t.key === 'dibao:rural')!;
    const lines = await fromLines(sql`l.month between ${M1} and ${M3} and l.county_code = ${JIAOKOU} and l.program = 'dibao'`);
    expect(dibao.figures.paidPersonMonths).toBe(lines.person_months);
    expect(dibao.figures.paidFen).toBe(lines.paid);
    expect([dibao.figures.paidPersonMonths, dibao.figures.paidFen]).toEqual([28, 1_256_000]);
    expect(dibao.sentence).toBe('2015 年 1 月至 2015 年 3 月，交口县累计救助农村低保对象 28人次，发放低保金 1.26万元');
  });

  it("shows the supervisor's county: covered now, paid this month and this year, twelve months of trend", async () => {
    const d = await dashboardFigures(users.supervisor!, NOW);
    expect(d.month).toBe(M3);
    expect(d.coveredMonth).toBe(M3);
    expect(d.paidThisMonthFen).toBe((await fromLines(sql`l.month = ${M3} and l.county_code = ${JIAOKOU}`)).paid);
    expect(d.paidThisYearFen).toBe((await fromLines(sql`l.month like '2015-%' and l.county_code = ${JIAOKOU}`)).paid);
    expect(d.trend).toHaveLength(12);
    expect(d.trend.at(-2)).toMatchObject({ month: M2, persons: { dibao: 10, dis_living: 1, price: 5 } });
    expect(d.covered.find((c) => c.key === 'dibao:rural')).toEqual({ key: 'dibao:rural', households: 3, persons: 8 });
    const caseworker2 = await dashboardFigures(users.caseworker2!, NOW);
    expect(caseworker2.trend.find((t) => t.month === M1)!.persons).toEqual({ dibao: 3 });
  });

  it('covers the latest approved month, also when that is next month’s run approved ahead', async () => {
    // In February, March's run is already approved: the roll shown is March's, and says so.
    const feb = await dashboardFigures(users.supervisor!, new Date('2015-02-10T04:00:00Z'));
    expect(feb.month).toBe(M2);
    expect(feb.coveredMonth).toBe(M3);
    expect(feb.covered.find((c) => c.key === 'dibao:rural')).toEqual({ key: 'dibao:rural', households: 3, persons: 8 });
    // This month's money stays this month's; the trend ends with this month.
    expect(feb.paidThisMonthFen).toBe((await fromLines(sql`l.month = ${M2} and l.county_code = ${JIAOKOU}`)).paid);
    expect(feb.trend.at(-1)!.month).toBe(M2);
  });

  it('counts the work waiting, overdue applications included', async () => {
    const before = await workQueue(users.supervisor!);
    await db.execute(sql`insert into applications (kind, household_id, state, county_code, township_code, village_code, created_by, accepted_by, accepted_on)
      values ('dibao_household', ${ids.C}::uuid, 'accepted', '141130', '141130101', ${KANGCHENG}, ${preparer}::uuid, ${preparer}::uuid, current_date - 60)`);
    const after = await workQueue(users.supervisor!);
    expect(after.applications!.overdue).toBe(before.applications!.overdue + 1);
    expect(after.applications!.byState.find((s) => s.state === 'accepted')!.count).toBe(before.applications!.byState.find((s) => s.state === 'accepted')!.count + 1);
    expect((await workQueue(users.admin!)).applications).toBeNull();
  });
});
