import { and, desc, eq, like, ne } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { applications, auditLog, members, regions } from '@/db/schema';
import { exportApplications, SHEET_NAME } from '@/lib/applications/export';
import { listAllApplications, listDeciders } from '@/lib/applications/list';
import { listFilterSchema, listSearchSchema, type ListFilter } from '@/lib/applications/list-filter';
import { encodeCursor } from '@/lib/households/list-cursor';
import type { SessionUser } from '@/lib/auth/types';
import { appDb, insertHousehold, randomIdNumber, signedIn } from './support/app';

// Every application here is registered in 2001, a year no other test writes: the base filter
// (申请日期 2001) makes each list below exactly this file's rows, whatever else the run has added.
const YEAR = { submittedFrom: '2001-01-01', submittedTo: '2001-12-31' };
const mask = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;

type Kind = (typeof applications.$inferInsert)['kind'];
type State = (typeof applications.$inferInsert)['state'];

interface Made {
  id: string;
  headId: string;
}

let db: Db;
let caseworker: SessionUser; // 交口县 康城镇
let supervisor: SessionUser; // 交口县
let otherCounty: SessionUser; // 方山县 峪口镇
let auditor: SessionUser; // 吕梁市
let otherTownshipVillage: string; // a village of 交口县 outside 康城镇

async function addMember(householdId: string, name: string, idNumber = randomIdNumber()) {
  const [m] = await db
    .insert(members)
    .values({ householdId, name, idNumber, birthDate: '1980-01-01', sex: '男', relation: '子女', isHead: false })
    .returning({ id: members.id });
  return { id: m!.id, idNumber };
}

async function makeApplication(opts: {
  createdAt: string;
  headName?: string;
  headId?: string;
  villageCode?: string;
  kind?: Kind;
  state?: State;
  memberId?: string;
  householdId?: string;
  decidedBy?: string;
  decidedOn?: string;
  approvedAmountFen?: number;
}): Promise<Made & { householdId: string }> {
  const villageCode = opts.villageCode ?? '141130101200';
  const headId = opts.headId ?? randomIdNumber();
  const householdId = opts.householdId ?? (await insertHousehold(db, { villageCode, headName: opts.headName ?? '列表户主', idNumber: headId }));
  const [a] = await db
    .insert(applications)
    .values({
      kind: opts.kind ?? 'dibao_household',
      householdId,
      memberId: opts.memberId,
      state: opts.state ?? 'accepted',
      countyCode: villageCode.slice(0, 6),
      townshipCode: villageCode.slice(0, 9),
      villageCode,
      createdBy: caseworker.id,
      createdAt: new Date(opts.createdAt),
      decidedBy: opts.decidedBy,
      decidedOn: opts.decidedOn,
      approvedAmountFen: opts.approvedAmountFen,
    })
    .returning({ id: applications.id });
  return { id: a!.id, headId, householdId };
}

const ids = async (user: SessionUser, filter: Partial<ListFilter>) =>
  (await listAllApplications(user, listSearchSchema.parse({ ...YEAR, ...filter }))).rows.map((r) => r.id);

beforeAll(async () => {
  db = await appDb();
  caseworker = await signedIn('caseworker');
  supervisor = await signedIn('supervisor');
  otherCounty = await signedIn('caseworker2');
  auditor = await signedIn('auditor');
  const [v] = await db
    .select({ code: regions.code })
    .from(regions)
    .where(and(eq(regions.level, 'village'), like(regions.code, '141130%'), ne(regions.townshipCode, '141130101')))
    .limit(1);
  otherTownshipVillage = v!.code;
});

describe('applications list: filters', () => {
  it('filters by program, state, township, decider and the decision date, each keeping its own rows only', async () => {
    const single = await makeApplication({ createdAt: '2001-02-01T02:00:00Z', kind: 'dibao_single', state: 'investigated' });
    const approved = await makeApplication({
      createdAt: '2001-02-02T02:00:00Z',
      state: 'approved',
      decidedBy: supervisor.id,
      decidedOn: '2001-03-10',
      approvedAmountFen: 245_200,
    });
    const refusedLater = await makeApplication({ createdAt: '2001-02-03T02:00:00Z', state: 'refused', decidedBy: supervisor.id, decidedOn: '2001-05-20' });
    const elsewhere = await makeApplication({ createdAt: '2001-02-04T02:00:00Z', villageCode: otherTownshipVillage, kind: 'tekun_dispersed' });
    const all = [single.id, approved.id, refusedLater.id, elsewhere.id];

    expect(new Set(await ids(supervisor, {}))).toEqual(new Set(all));
    expect(await ids(supervisor, { kind: 'dibao_single' })).toEqual([single.id]);
    expect(await ids(supervisor, { kind: 'tekun_dispersed' })).toEqual([elsewhere.id]);
    expect(await ids(supervisor, { state: 'approved' })).toEqual([approved.id]);
    expect(await ids(supervisor, { township: otherTownshipVillage.slice(0, 9) })).toEqual([elsewhere.id]);
    expect(new Set(await ids(supervisor, { township: '141130101' }))).toEqual(new Set([single.id, approved.id, refusedLater.id]));
    expect(new Set(await ids(supervisor, { decidedBy: supervisor.id }))).toEqual(new Set([approved.id, refusedLater.id]));
    expect(await ids(supervisor, { decidedBy: caseworker.id })).toEqual([]);
    expect(await ids(supervisor, { decidedFrom: '2001-03-10', decidedTo: '2001-03-10' })).toEqual([approved.id]);
    expect(await ids(supervisor, { decidedFrom: '2001-03-11' })).toEqual([refusedLater.id]);
    // Combined: every condition holds at once.
    expect(await ids(supervisor, { state: 'refused', decidedTo: '2001-04-01' })).toEqual([]);

    const [row] = (await listAllApplications(supervisor, listSearchSchema.parse({ ...YEAR, state: 'approved' }))).rows;
    expect(row).toMatchObject({ decidedOn: '2001-03-10', deciderName: '李建国', approvedAmountFen: 245_200, submittedOn: '2001-02-02', townshipName: '康城镇' });
  });

  it('counts the submission date as China’s calendar day (UTC+8)', async () => {
    // 2001-06-30 16:30 UTC is 2001-07-01 00:30 in Beijing.
    const late = await makeApplication({ createdAt: '2001-06-30T16:30:00Z' });
    expect(await ids(supervisor, { submittedFrom: '2001-07-01', submittedTo: '2001-07-01' })).toEqual([late.id]);
    expect(await ids(supervisor, { submittedFrom: '2001-06-30', submittedTo: '2001-06-30' })).not.toContain(late.id);
  });

  it('ignores a filter value the form never offers (an edited URL) instead of failing', () => {
    const parsed = listFilterSchema.parse({ kind: 'x', state: 'nope', township: '12', decidedBy: 'me', submittedFrom: '2001-02-30', q: '穆小军' });
    expect(parsed).toEqual({});
  });
});

describe('applications list: search by applicant or head', () => {
  it('finds by a two-character name, a full resident ID or its last digits, applicant and head alike, and masks IDs', async () => {
    const headId = randomIdNumber();
    const byHead = await makeApplication({ createdAt: '2001-08-01T02:00:00Z', headName: '鲍蕾', headId });
    const household = await insertHousehold(db, { headName: '郜政', idNumber: randomIdNumber() });
    const applicant = await addMember(household, '郜晗');
    const bystander = await addMember(household, '郜琦'); // neither the applicant nor the head
    const single = await makeApplication({ createdAt: '2001-08-02T02:00:00Z', householdId: household, kind: 'dibao_single', memberId: applicant.id });

    expect(await ids(caseworker, { q: '鲍蕾' })).toEqual([byHead.id]);
    expect(await ids(caseworker, { q: '郜晗' })).toEqual([single.id]);
    expect(await ids(caseworker, { q: '郜政' })).toEqual([single.id]); // the head of the applicant's household
    expect(await ids(caseworker, { q: '郜琦' })).toEqual([]);
    expect(await ids(caseworker, { q: headId })).toEqual([byHead.id]);
    expect(await ids(caseworker, { q: headId.slice(-6) })).toEqual([byHead.id]);
    expect(await ids(caseworker, { q: applicant.idNumber })).toEqual([single.id]);
    expect(await ids(caseworker, { q: bystander.idNumber })).toEqual([]);

    const { rows } = await listAllApplications(caseworker, listSearchSchema.parse({ ...YEAR, q: applicant.idNumber }));
    expect(rows[0]).toMatchObject({ applicantName: '郜晗', headName: '郜政', idMasked: mask(applicant.idNumber) });
    expect(JSON.stringify(rows)).not.toContain(applicant.idNumber);
  });

  it('holds a three-character name to one member: its pairs spread over two members do not match', async () => {
    const household = await insertHousehold(db, { headName: '蒯霁', idNumber: randomIdNumber() });
    await addMember(household, '霁瑶');
    const app = await makeApplication({ createdAt: '2001-08-03T02:00:00Z', householdId: household });
    expect(await ids(caseworker, { q: '蒯霁' })).toEqual([app.id]);
    expect(await ids(caseworker, { q: '蒯霁瑶' })).toEqual([]);
  });

  it('answers a one-character name or three digits with a message, not a list', async () => {
    for (const q of ['郜', '123']) {
      const page = await listAllApplications(caseworker, listSearchSchema.parse({ ...YEAR, q }));
      expect(page.rows).toEqual([]);
      expect(page.message).toMatch(/至少/);
    }
  });
});

describe('applications list: keyset pages', () => {
  it('pages newest first without gaps or repeats, and a tampered cursor starts from the first page', async () => {
    const made: string[] = [];
    for (let i = 0; i < 7; i++) made.push((await makeApplication({ createdAt: `2001-10-0${i + 1}T02:00:00Z`, headName: '翻页户主' })).id);
    const filter = { submittedFrom: '2001-10-01', submittedTo: '2001-10-31' };
    const seen: string[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listAllApplications(supervisor, listSearchSchema.parse({ ...filter, after }), { pageSize: 3 });
      seen.push(...page.rows.map((r) => r.id));
      after = page.nextCursor;
      pages++;
    } while (after);
    expect(pages).toBe(3);
    expect(seen).toEqual([...made].reverse());

    const first = await listAllApplications(supervisor, listSearchSchema.parse(filter), { pageSize: 3 });
    for (const bad of ['garbage', encodeCursor(['not a time', made[0]!]), `${first.nextCursor!.slice(0, -3)}`, encodeCursor(['2001-10-05T02:00:00.000000Z', 'x'])]) {
      const page = await listAllApplications(supervisor, listSearchSchema.parse({ ...filter, after: bad }), { pageSize: 3 });
      expect(page.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
    }
  });
});

describe('applications list: region scope', () => {
  it('shows 交口县 applications to its county and the city, a township’s only to that township, and none to another county', async () => {
    const kangcheng = await makeApplication({ createdAt: '2001-11-01T02:00:00Z' });
    const otherTownship = await makeApplication({ createdAt: '2001-11-02T02:00:00Z', villageCode: otherTownshipVillage });
    const filter = { submittedFrom: '2001-11-01', submittedTo: '2001-11-30' };

    expect(new Set(await ids(supervisor, filter))).toEqual(new Set([kangcheng.id, otherTownship.id]));
    expect(new Set(await ids(auditor, filter))).toEqual(new Set([kangcheng.id, otherTownship.id]));
    expect(await ids(caseworker, filter)).toEqual([kangcheng.id]);
    expect(await ids(caseworker, { ...filter, township: otherTownshipVillage.slice(0, 9) })).toEqual([]);
    expect(await ids(otherCounty, filter)).toEqual([]);
    expect(await ids(otherCounty, {})).toEqual([]); // the whole year of this file: nothing of 交口县
    expect(await ids(otherCounty, { q: kangcheng.headId })).toEqual([]);
  });

  it('offers as deciders only those who decided applications in the user’s region, and refuses roles without read access', async () => {
    await makeApplication({ createdAt: '2001-11-03T02:00:00Z', state: 'approved', decidedBy: supervisor.id, decidedOn: '2001-11-20' });
    expect((await listDeciders(supervisor)).map((d) => d.id)).toContain(supervisor.id);
    expect((await listDeciders(otherCounty)).map((d) => d.id)).not.toContain(supervisor.id);
    const admin = await signedIn('admin');
    await expect(listAllApplications(admin, {})).rejects.toMatchObject({ code: 'not_found' });
  });
});

/** Reads the streamed export back: its rows as arrays of cell values. */
async function exported(stream: ReadableStream<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(SHEET_NAME)!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return { rows, sheet };
}

describe('applications list: export', () => {
  it('exports the filtered list with masked IDs, labels and yuan, across pages, and audits the filter and row count', async () => {
    const headId = randomIdNumber();
    await makeApplication({
      createdAt: '2001-12-01T02:00:00Z',
      headName: '郄导出',
      headId,
      state: 'approved',
      decidedBy: supervisor.id,
      decidedOn: '2001-12-20',
      approvedAmountFen: 245_200,
    });
    await makeApplication({ createdAt: '2001-12-02T02:00:00Z', headName: '郄未批', state: 'refused' });
    const filter = listSearchSchema.parse({ submittedFrom: '2001-12-01', submittedTo: '2001-12-31', state: 'approved' });
    const { rows, sheet } = await exported(exportApplications(supervisor, filter));
    expect(rows[0]).toEqual(['申请人', '户主', '身份证号', '类型', '乡镇', '村（社区）', '环节', '申请日期', '审批日期', '审批人', '核定月金额（元）']);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toEqual(['郄导出', '郄导出', mask(headId), '低保（整户）', '康城镇', expect.stringContaining('康城'), '已批准', '2001-12-01', '2001-12-20', '李建国', 2452]);
    expect(sheet.getCell('K2').numFmt).toBe('#,##0.00');

    const [audit] = await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'application.export'), eq(auditLog.actorId, supervisor.id)))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(audit?.after).toMatchObject({ filter: { state: 'approved', submittedFrom: '2001-12-01' }, rows: 1, truncated: false, completed: true });

    // Every page, not only the first: pages of 2 here, each row once, in the list's order.
    const year = await ids(supervisor, {});
    expect(year.length).toBeGreaterThan(4);
    const { rows: whole } = await exported(exportApplications(supervisor, listSearchSchema.parse(YEAR), { pageSize: 2 }));
    expect(whole).toHaveLength(year.length + 1);
    const listed = (await listAllApplications(supervisor, listSearchSchema.parse(YEAR))).rows.map((r) => r.submittedOn);
    expect(whole.slice(1).map((r) => r[7])).toEqual(listed);
  });

  it('exports a search within the filter, nothing of another county, and refuses roles without read access', async () => {
    const headId = randomIdNumber();
    await makeApplication({ createdAt: '2001-12-03T02:00:00Z', headName: '郄检索', headId });
    const { rows } = await exported(exportApplications(caseworker, listSearchSchema.parse({ ...YEAR, q: '郄检索' })));
    expect(rows.slice(1).map((r) => r[1])).toEqual(['郄检索']);
    const { rows: none } = await exported(exportApplications(otherCounty, listSearchSchema.parse({ ...YEAR, q: headId })));
    expect(none).toHaveLength(1); // the header only
    const admin = await signedIn('admin');
    expect(() => exportApplications(admin, {})).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
