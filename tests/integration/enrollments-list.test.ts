import { and, desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Db } from '@/db/client';
import { auditLog, enrollmentAmounts, enrollments, members } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import { todayInChina } from '@/lib/core/time';
import { exportEnrollments, SHEET_NAME } from '@/lib/enrollments/export';
import { listEnrollments } from '@/lib/enrollments/list';
import { forgetCurrentAmounts } from '@/lib/enrollments/current-amounts';
import { amountRange, enrollmentListFilterSchema, enrollmentListSearchSchema, type EnrollmentListFilter } from '@/lib/enrollments/list-filter';
import { appDb, insertHousehold, randomIdNumber, signedIn } from './support/app';

type Program = (typeof enrollments.$inferInsert)['program'];
type Status = (typeof enrollments.$inferInsert)['status'];

// Every household here is headed by a name holding this file's own three characters, so a
// search for them (a POST-only filter) makes each list exactly this file's rows.
const HAN = [...'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥'];
const TAG = Array.from({ length: 3 }, () => HAN[Math.floor(Math.random() * HAN.length)]).join('');

let db: Db;
let caseworker: SessionUser; // 交口县 康城镇
let supervisor: SessionUser; // 交口县
let otherCounty: SessionUser; // 方山县 峪口镇
let auditor: SessionUser; // 吕梁市

async function makeEnrollment(opts: { createdAt: string; program?: Program; status?: Status; amounts?: [string, number][]; headName?: string; villageCode?: string; covered?: string }) {
  const villageCode = opts.villageCode ?? '141130101200';
  const headId = randomIdNumber();
  const householdId = await insertHousehold(db, { villageCode, headName: opts.headName ?? `${TAG}户主`, idNumber: headId });
  let memberId: string | undefined;
  if (opts.covered) {
    const [m] = await db
      .insert(members)
      .values({ householdId, name: opts.covered, idNumber: randomIdNumber(), birthDate: '1950-01-01', sex: '男', relation: '父母', isHead: false })
      .returning({ id: members.id });
    memberId = m!.id;
  }
  const [e] = await db
    .insert(enrollments)
    .values({
      program: opts.program ?? 'dibao',
      householdId,
      memberId,
      status: opts.status ?? 'active',
      countyCode: villageCode.slice(0, 6),
      townshipCode: villageCode.slice(0, 9),
      villageCode,
      startMonth: '2002-01',
      nextReviewOn: '2027-03-31',
      createdAt: new Date(opts.createdAt),
    })
    .returning({ id: enrollments.id });
  for (const [month, fen] of opts.amounts ?? [['2002-01', 50_000]]) {
    await db.insert(enrollmentAmounts).values({ enrollmentId: e!.id, effectiveMonth: month, amountFen: fen, components: {} });
  }
  return { id: e!.id, householdId, headId };
}

const list = (user: SessionUser, filter: Partial<EnrollmentListFilter>, pageSize?: number) =>
  listEnrollments(user, enrollmentListSearchSchema.parse({ q: TAG, ...filter }), { pageSize });
const ids = async (user: SessionUser, filter: Partial<EnrollmentListFilter> = {}) => (await list(user, filter)).rows.map((r) => r.id);

let dibao: Awaited<ReturnType<typeof makeEnrollment>>;
let tekun: Awaited<ReturnType<typeof makeEnrollment>>;
let care: Awaited<ReturnType<typeof makeEnrollment>>;
let otherTownship: Awaited<ReturnType<typeof makeEnrollment>>;

beforeAll(async () => {
  db = await appDb();
  caseworker = await signedIn('caseworker');
  supervisor = await signedIn('supervisor');
  otherCounty = await signedIn('caseworker2');
  auditor = await signedIn('auditor');
  // Oldest first; the list shows newest first.
  dibao = await makeEnrollment({ createdAt: '2002-01-01T02:00:00Z', amounts: [['2002-01', 120_000], ['2099-01', 10_000]] });
  tekun = await makeEnrollment({ createdAt: '2002-01-02T02:00:00Z', program: 'tekun', amounts: [['2002-01', 40_000], ['2002-06', 60_000]], covered: `${TAG}老人` });
  care = await makeEnrollment({ createdAt: '2002-01-03T02:00:00Z', program: 'dis_care', status: 'suspended', amounts: [['2099-01', 8_000]] });
  otherTownship = await makeEnrollment({ createdAt: '2002-01-04T02:00:00Z', program: 'tekun', status: 'terminated', villageCode: '141130102200' });
});

describe('beneficiaries list: rows and filters', () => {
  it('shows one row per enrollment, newest first, with the amount in force this month (kept on the row by the triggers)', async () => {
    const { rows } = await list(supervisor, {});
    expect(rows.map((r) => r.id)).toEqual([otherTownship.id, care.id, tekun.id, dibao.id]);
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(dibao.id)).toMatchObject({ program: 'dibao', status: 'active', headName: `${TAG}户主`, memberName: null, townshipName: '康城镇', startMonth: '2002-01', nextReviewOn: '2027-03-31', currentAmountFen: 120_000 });
    expect(byId.get(tekun.id)).toMatchObject({ memberName: `${TAG}老人`, currentAmountFen: 60_000 }); // the later row, in force since 2002-06
    expect(byId.get(care.id)?.currentAmountFen).toBe(8_000); // starts later: the amount it starts with
    // A correction of an amount row moves the list's amount with it.
    await db.update(enrollmentAmounts).set({ amountFen: 65_000 }).where(and(eq(enrollmentAmounts.enrollmentId, tekun.id), eq(enrollmentAmounts.effectiveMonth, '2002-06')));
    expect((await list(supervisor, { program: 'tekun', status: 'active' })).rows.map((r) => [r.id, r.currentAmountFen])).toEqual([[tekun.id, 65_000]]);
    await db.update(enrollmentAmounts).set({ amountFen: 60_000 }).where(and(eq(enrollmentAmounts.enrollmentId, tekun.id), eq(enrollmentAmounts.effectiveMonth, '2002-06')));
  });

  it('takes up a later-dated amount when its month comes: doudi_refresh_current_amounts() recomputes the stale rows', async () => {
    const month = todayInChina().slice(0, 7);
    const e = await makeEnrollment({ createdAt: '2001-06-01T02:00:00Z', headName: '郄月初', amounts: [['2001-06', 30_000], [month, 35_000]] });
    const current = async () => (await db.select({ fen: enrollments.currentAmountFen }).from(enrollments).where(eq(enrollments.id, e.id)))[0]?.fen;
    expect(await current()).toBe(35_000);
    // As it was before this month began: the row written then was not yet in force.
    await db.update(enrollments).set({ currentAmountFen: 30_000 }).where(eq(enrollments.id, e.id));
    await db.execute(sql`select doudi_refresh_current_amounts()`);
    expect(await current()).toBe(35_000);
  });

  it('the first read of the list in a month brings such rows up to date, with nobody calling the refresh', async () => {
    const month = todayInChina().slice(0, 7);
    const e = await makeEnrollment({ createdAt: '2001-07-01T02:00:00Z', headName: '郄月首', amounts: [['2001-07', 30_000], [month, 36_000]] });
    await db.update(enrollments).set({ currentAmountFen: 30_000 }).where(eq(enrollments.id, e.id));
    forgetCurrentAmounts();
    const shown = (await list(supervisor, { q: '郄月首' })).rows.find((r) => r.id === e.id);
    expect(shown?.currentAmountFen).toBe(36_000);
  });

  it('filters by program, status, township and the monthly amount range in yuan (inclusive)', async () => {
    expect(await ids(supervisor, { program: 'tekun' })).toEqual([otherTownship.id, tekun.id]);
    expect(await ids(supervisor, { status: 'suspended' })).toEqual([care.id]);
    expect(await ids(supervisor, { program: 'tekun', status: 'active' })).toEqual([tekun.id]);
    expect(await ids(supervisor, { township: '141130102' })).toEqual([otherTownship.id]);
    expect(await ids(supervisor, { amountFrom: '600', amountTo: '1200' })).toEqual([tekun.id, dibao.id]);
    expect(await ids(supervisor, { amountFrom: '600.01' })).toEqual([dibao.id]);
    expect(await ids(supervisor, { amountTo: '80' })).toEqual([care.id]);
  });

  it('finds by a two-character name, the covered person’s name and a resident ID or its last digits', async () => {
    expect(await ids(supervisor, { q: `${TAG}老人`.slice(-2) + '' })).toContain(tekun.id); // 老人: two characters
    expect(await ids(supervisor, { q: `${TAG}老` })).toEqual([tekun.id]);
    expect(await ids(supervisor, { q: dibao.headId })).toEqual([dibao.id]);
    expect(await ids(supervisor, { q: dibao.headId.slice(-6) })).toContain(dibao.id);
    expect((await list(supervisor, { q: '王' })).message).toBe('按姓名查询时，请至少输入两个字');
  });

  it('refuses a bad amount range by its field, with Chinese messages, and lists nothing', async () => {
    expect(amountRange({ amountFrom: '-1' })).toEqual({ ok: false, fieldErrors: { amountFrom: '请输入不小于 0 的金额（元），最多两位小数' } });
    expect(amountRange({ amountFrom: 'abc', amountTo: '1.234' })).toEqual({
      ok: false,
      fieldErrors: { amountFrom: '请输入不小于 0 的金额（元），最多两位小数', amountTo: '请输入不小于 0 的金额（元），最多两位小数' },
    });
    expect(amountRange({ amountFrom: '500', amountTo: '400' })).toEqual({ ok: false, fieldErrors: { amountTo: '月金额（止）不能小于月金额（起）' } });
    expect(amountRange({ amountFrom: '0', amountTo: '0.5' })).toEqual({ ok: true, minFen: 0, maxFen: 50 });
    const page = await list(supervisor, { amountFrom: '500', amountTo: '400' });
    expect(page.rows).toEqual([]);
    expect(page.fieldErrors).toEqual({ amountTo: '月金额（止）不能小于月金额（起）' });
    // The URL's schema never carries the search term.
    expect(enrollmentListFilterSchema.parse({ q: TAG, program: 'tekun' })).not.toHaveProperty('q');
  });
});

describe('beneficiaries list: scope and pages', () => {
  it('shows 交口县 rolls to its county and the city, a township’s to that township only, and nothing to another county', async () => {
    const all = [otherTownship.id, care.id, tekun.id, dibao.id];
    expect(await ids(supervisor)).toEqual(all);
    expect(await ids(auditor)).toEqual(all);
    expect(await ids(caseworker)).toEqual([care.id, tekun.id, dibao.id]);
    expect(await ids(caseworker, { township: '141130102' })).toEqual([]);
    expect(await ids(otherCounty)).toEqual([]);
    expect(await ids(otherCounty, { q: dibao.headId })).toEqual([]);
    const admin = await signedIn('admin');
    await expect(listEnrollments(admin, {})).rejects.toMatchObject({ code: 'not_found' });
  });

  it('pages by (created_at, id) without gaps or repeats, a same-moment pair split across the boundary included', async () => {
    const twin = await makeEnrollment({ createdAt: '2002-01-02T02:00:00Z' }); // the same moment as tekun
    const expected = (await ids(supervisor)).sort();
    expect(expected).toHaveLength(5);
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await list(supervisor, { after }, 2);
      seen.push(...page.rows.map((r) => r.id));
      after = page.nextCursor;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual(expected);
    expect(new Set(seen).size).toBe(5);
    expect(seen).toContain(twin.id);
    // A cursor the server did not write starts from the first page.
    expect((await list(supervisor, { after: 'not-a-cursor' }, 2)).rows).toHaveLength(2);
  });
});

async function exported(stream: ReadableStream<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.getWorksheet(SHEET_NAME)!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('beneficiaries list: export', () => {
  it('exports the filtered list with labels and yuan across pages, and audits its filter and row count', async () => {
    const rows = await exported(exportEnrollments(supervisor, enrollmentListSearchSchema.parse({ q: TAG, program: 'tekun' }), { pageSize: 1 }));
    expect(rows[0]).toEqual(['户主', '保障对象', '项目', '状态', '乡镇', '起始月份', '当前月金额（元）', '下次复核日期']);
    expect(rows.slice(1)).toEqual([
      [`${TAG}户主`, null, '特困', '已终止', expect.any(String), '2002-01', 500, '2027-03-31'],
      [`${TAG}户主`, `${TAG}老人`, '特困', '在册', '康城镇', '2002-01', 600, '2027-03-31'],
    ].map((r) => r.map((c) => (c === null ? undefined : c))));
    // The audit row is written once the last byte is out, which may be just after the reader sees the end.
    await vi.waitFor(async () => {
      const [audit] = await db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'enrollment.export'), eq(auditLog.actorId, supervisor.id)))
        .orderBy(desc(auditLog.id))
        .limit(1);
      expect(audit?.after).toEqual({ filter: { q: TAG, program: 'tekun' }, rows: 2, truncated: false, completed: true });
    });

    expect(await exported(exportEnrollments(otherCounty, enrollmentListSearchSchema.parse({ q: TAG })))).toHaveLength(1); // the header only
  });
});
