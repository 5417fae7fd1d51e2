// The auditor's /audit log against real PostgreSQL: every filter (person, action, object, region,
// China's calendar days, text in reasons — through the window and through the GIN index), keyset
// pages on (at, id) to the microsecond, 操作记录 apart from 登录记录, the reader's region, and the
// XLSX export of exactly the filtered rows, itself audited. Each test writes rows under a person
// of its own, so rows of other tests never count.
import { randomUUID } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '@/db/schema';
import { encodeAuditCursor } from '@/lib/audit/cursor';
import { exportAuditLog, sheetDate } from '@/lib/audit/export';
import type { AuditFilter } from '@/lib/audit/filter';
import { listAuditEntries, TEXT_WINDOW } from '@/lib/audit/queries';
import type { SessionUser } from '@/lib/auth/types';
import { appDb, signedIn } from './support/app';

type Row = typeof auditLog.$inferInsert;

/** Rows of one new person; returns their ids in the order given and the person's id. */
async function seed(rows: Omit<Row, 'actorId' | 'actorName'>[]): Promise<{ actor: string; ids: number[] }> {
  const db = await appDb();
  const actor = randomUUID();
  const written = await db
    .insert(auditLog)
    .values(rows.map((r) => ({ ...r, actorId: actor, actorName: `审计测试${actor.slice(0, 4)}` })))
    .returning({ id: auditLog.id });
  return { actor, ids: written.map((w) => w.id) };
}

const idsOf = async (user: SessionUser, filter: AuditFilter) => (await listAuditEntries(user, filter)).rows.map((r) => r.id);

/** A county reader of 交口县 with audit.read (user administration places auditors at the city; the data layer scopes anyway). */
async function countyAuditor(): Promise<SessionUser> {
  const db = await appDb();
  const username = `auditor_county_${randomUUID().slice(0, 8)}`;
  await db.insert(users).values({ username, name: '县级监督', role: 'auditor', regionCode: '141130', passwordHash: 'x' });
  return signedIn(username);
}

// Five rows: two days in China either side of midnight, three regions and none, one sign-in.
const fixture = (): Omit<Row, 'actorId' | 'actorName'>[] => [
  { action: 'application.accept', entity: 'application', entityId: 'app-1', regionCode: '141130101200', at: new Date('2025-03-01T15:59:59Z'), reason: '材料齐全，同意受理' },
  { action: 'application.approve', entity: 'application', entityId: 'app-1', regionCode: '141130101200', at: new Date('2025-03-01T16:00:00Z'), reason: '审批意见：同意' },
  { action: 'household.update', entity: 'household', entityId: 'hh-1', regionCode: '141128102200', at: new Date('2025-03-05T02:00:00Z'), reason: '住址更正 50%', before: { address: '旧址' }, after: { address: '新址', registeredPoor: true } },
  { action: 'auth.sign_in', entity: 'user', regionCode: null, at: new Date('2025-03-06T01:00:00Z') },
  { action: 'payout.approve', entity: 'payout_run', entityId: 'run-1', regionCode: '141130', at: new Date('2025-03-07T03:04:05Z'), reason: 'ABC 复核', before: { state: 'draft' }, after: { state: 'approved', totalFen: 40200 } },
];

describe('audit log filters', () => {
  it('finds by person, action, object, region and China’s calendar days, newest first, sign-ins apart', async () => {
    const auditor = await signedIn('auditor');
    const { actor, ids } = await seed(fixture());
    const [accept, approve, update, signIn, payout] = ids as [number, number, number, number, number];
    const by = (f: AuditFilter) => idsOf(auditor, { actor, ...f });
    expect(await by({})).toEqual([payout, update, approve, accept]);
    expect(await by({ tab: 'signins' })).toEqual([signIn]);
    expect(await by({ action: 'auth.sign_in' })).toEqual([signIn]); // a sign-in action is 登录记录 whatever the tab
    expect(await by({ action: 'application.approve' })).toEqual([approve]);
    expect(await by({ entity: 'application' })).toEqual([approve, accept]);
    expect(await by({ entity: 'application', entityId: 'app-1' })).toEqual([approve, accept]);
    expect(await by({ entity: 'application', entityId: 'app-2' })).toEqual([]);
    expect(await by({ region: '141130' })).toEqual([payout, approve, accept]);
    expect(await by({ region: '141130101' })).toEqual([approve, accept]);
    expect(await by({ region: '141128' })).toEqual([update]);
    // 16:00 UTC on 1 March is midnight of 2 March in China.
    expect(await by({ from: '2025-03-02', to: '2025-03-02' })).toEqual([approve]);
    expect(await by({ to: '2025-03-01' })).toEqual([accept]);
    expect(await by({ from: '2025-03-05', to: '2025-03-07' })).toEqual([payout, update]);
    // The other person's rows are not among them.
    const other = await seed(fixture());
    expect(await idsOf(auditor, { actor: other.actor })).toHaveLength(4);
    expect(await by({})).toEqual([payout, update, approve, accept]);
  });

  it('finds text in reasons: one or two characters, Latin letters in any case, and % only as itself', async () => {
    const auditor = await signedIn('auditor');
    const { actor, ids } = await seed(fixture());
    const [accept, approve, update, , payout] = ids as [number, number, number, number, number];
    const by = (q: string) => idsOf(auditor, { actor, q });
    expect(await by('同意')).toEqual([approve, accept]);
    expect(await by('意')).toEqual([approve, accept]);
    expect(await by('同意受理')).toEqual([accept]);
    expect(await by('abc')).toEqual([payout]);
    expect(await by('%')).toEqual([update]);
    expect(await by('5_%')).toEqual([]);
    expect(await by('不存在')).toEqual([]);
  });

  it('finds a rare term beyond the newest rows it first looks in (the GIN index), in order and without duplicates', async () => {
    const auditor = await signedIn('auditor');
    const db = await appDb();
    const { actor, ids } = await seed([
      { action: 'household.update', entity: 'household', regionCode: '141130101200', at: new Date('2020-01-01T00:00:00Z'), reason: '冒名顶替，予以纠正' },
      { action: 'household.update', entity: 'household', regionCode: '141130101200', at: new Date('2020-01-02T00:00:00Z'), reason: '冒名顶替' },
    ]);
    // TEXT_WINDOW newer rows of the same person without the term, and one with it among them.
    await db.execute(sql`insert into audit_log (actor_id, actor_name, action, entity, region_code, at, reason)
      select ${actor}::uuid, '审计测试', 'household.update', 'household', '141130101200', '2021-01-01'::timestamptz + g * interval '1 minute', '年度复核'
      from generate_series(1, ${TEXT_WINDOW}) g`);
    const [recent] = await db
      .insert(auditLog)
      .values({ actorId: actor, actorName: '审计测试', action: 'household.update', entity: 'household', regionCode: '141130101200', at: new Date('2022-01-01T00:00:00Z'), reason: '发现冒名顶替' })
      .returning({ id: auditLog.id });
    expect(await idsOf(auditor, { actor, q: '顶替' })).toEqual([recent!.id, ids[1], ids[0]]);
    expect(await idsOf(auditor, { actor, q: '冒' })).toEqual([recent!.id, ids[1], ids[0]]);
    // Pages of two: the second continues past the window, the cursor right after the first page.
    const first = await listAuditEntries(auditor, { actor, q: '顶替' }, { pageSize: 2 });
    expect(first.rows.map((r) => r.id)).toEqual([recent!.id, ids[1]]);
    const second = await listAuditEntries(auditor, { actor, q: '顶替', after: first.nextCursor }, { pageSize: 2 });
    expect(second.rows.map((r) => r.id)).toEqual([ids[0]]);
    expect(second.nextCursor).toBeUndefined();
    // A common term fills its page from the newest rows.
    expect((await listAuditEntries(auditor, { actor, q: '复核' })).rows).toHaveLength(50);
  });
});

describe('audit log keyset pages', () => {
  it('pages newest first by (at, id), ties and microseconds included, each row once; a tampered cursor starts over', async () => {
    const auditor = await signedIn('auditor');
    const db = await appDb();
    const actor = randomUUID();
    // Seven rows: three at the same instant, two a microsecond apart (a JS Date would merge them).
    const times = ['2025-05-01 00:00:00.000001+00', '2025-05-01 00:00:00.000002+00', '2025-05-02 00:00:00+00', '2025-05-02 00:00:00+00', '2025-05-02 00:00:00+00', '2025-05-03 00:00:00+00', '2025-05-04 00:00:00+00'];
    const ids: number[] = [];
    for (const t of times) {
      const [r] = await db.execute<{ id: string }>(sql`insert into audit_log (actor_id, actor_name, action, entity, at) values (${actor}::uuid, '翻页测试', 'household.update', 'household', ${t}::timestamptz) returning id`);
      ids.push(Number(r!.id));
    }
    const newestFirst = [ids[6], ids[5], ids[4], ids[3], ids[2], ids[1], ids[0]];
    const seen: number[] = [];
    let after: string | undefined;
    let pages = 0;
    do {
      const page = await listAuditEntries(auditor, { actor, after }, { pageSize: 2 });
      seen.push(...page.rows.map((r) => r.id));
      after = page.nextCursor;
      pages++;
    } while (after && pages < 10);
    expect(seen).toEqual(newestFirst);
    expect(pages).toBe(4);
    const firstPage = (await listAuditEntries(auditor, { actor }, { pageSize: 2 })).rows.map((r) => r.id);
    for (const tampered of ['bm9wZQ', encodeAuditCursor(['2025-02-30T00:00:00.000000Z', 5]), Buffer.from(JSON.stringify(["x'; select 1 --", 1])).toString('base64url')]) {
      expect((await listAuditEntries(auditor, { actor, after: tampered }, { pageSize: 2 })).rows.map((r) => r.id)).toEqual(firstPage);
    }
    // A cursor it did write, taken apart by hand, continues there: (at, id) of the fourth row.
    const [cut] = await db.execute<{ at: string }>(sql`select to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from audit_log where id = ${ids[1]}`);
    expect(await idsOf(auditor, { actor, after: encodeAuditCursor([cut!.at, ids[1]!]) })).toEqual([ids[0]]);
  });
});

describe('audit log scope', () => {
  it('a county reader sees its county’s rows only (no other county, no row without a region); no audit.read, no log', async () => {
    const { actor, ids } = await seed(fixture());
    const [accept, approve, update, signIn, payout] = ids as [number, number, number, number, number];
    const county = await countyAuditor();
    expect(await idsOf(county, { actor })).toEqual([payout, approve, accept]);
    expect(await idsOf(county, { actor, tab: 'signins' })).toEqual([]);
    expect(await idsOf(county, { actor, region: '141128' })).toEqual([]); // outside: nothing, not an error
    // Positive controls: the city's auditor and admin see them all.
    expect(await idsOf(await signedIn('auditor'), { actor })).toEqual([payout, update, approve, accept]);
    expect(await idsOf(await signedIn('admin'), { actor, tab: 'signins' })).toEqual([signIn]);
    await expect(listAuditEntries(await signedIn('caseworker'), { actor })).rejects.toMatchObject({ code: 'not_found' });
    await expect(listAuditEntries(await signedIn('supervisor'), { actor })).rejects.toMatchObject({ code: 'not_found' });
  });
});

/** The streamed export read back: its sheet's rows as arrays of cell values. */
async function exported(stream: ReadableStream<Uint8Array>, sheetName: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(await new Response(stream).arrayBuffer()) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) throw new Error(`no sheet ${sheetName}: ${workbook.worksheets.map((w) => w.name).join(', ')}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('audit log export', () => {
  it('writes exactly the filtered rows, times as dates in China’s time, every name in Chinese, and audits itself', async () => {
    const auditor = await signedIn('auditor');
    const db = await appDb();
    const { actor, ids } = await seed(fixture());
    const rows = await exported(exportAuditLog(auditor, { actor, after: 'ignored' }), '操作记录');
    expect(rows[0]).toEqual(['时间', '操作人', '操作', '对象', '对象编号', '地区代码', '原因', '变更前', '变更后']);
    expect(rows).toHaveLength(5);
    expect(rows.slice(1).map((r) => r[2])).toEqual(['审批发放批次', '修改家庭信息', '审批通过', '受理申请']);
    const [payout, update] = [rows[1]!, rows[2]!];
    expect(payout[0]).toBeInstanceOf(Date);
    expect((payout[0] as Date).toISOString()).toBe(sheetDate(new Date('2025-03-07T03:04:05Z')).toISOString()); // 11:04:05 in China
    expect((payout[0] as Date).toISOString()).toBe('2025-03-07T11:04:05.000Z');
    expect(payout.slice(3, 9)).toEqual(['发放批次', 'run-1', '141130', 'ABC 复核', '状态：草稿', '状态：已审批；合计金额：¥402.00']);
    expect(update.slice(7, 9)).toEqual(['住址：旧址', '住址：新址；建档立卡：是']);
    expect(JSON.stringify(rows)).not.toMatch(/address|registeredPoor|totalFen|"state|draft|approved|payout_run|household\./);
    // The export is in the log, with its filter and row count.
    const [logged] = await db
      .select({ after: auditLog.after, entity: auditLog.entity })
      .from(auditLog)
      .where(and(eq(auditLog.action, 'audit.export'), eq(auditLog.actorId, auditor.id), sql`${auditLog.after} -> 'filter' ->> 'actor' = ${actor}`))
      .orderBy(desc(auditLog.id))
      .limit(1);
    expect(logged).toEqual({ entity: 'audit_log', after: { filter: { actor }, rows: 4, truncated: false, completed: true } });
    expect(ids).toHaveLength(5);
  });

  it('exports the reader’s scope only, sign-ins on a sheet of their own; without audit.read nothing is written', async () => {
    const { actor } = await seed(fixture());
    const county = await exported(exportAuditLog(await countyAuditor(), { actor }), '操作记录');
    expect(county.slice(1).map((r) => r[5])).toEqual(['141130', '141130101200', '141130101200']);
    const signIns = await exported(exportAuditLog(await signedIn('auditor'), { actor, tab: 'signins' }), '登录记录');
    expect(signIns.slice(1).map((r) => r[2])).toEqual(['登录']);
    const caseworker = await signedIn('caseworker');
    expect(() => exportAuditLog(caseworker, { actor })).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
