// Statutory notices: numbered per county and year (交民救〔2026〕第 0001 号) under the counter
// row's lock — many at once never share a number and a rolled-back step leaves no gap — issued
// with the step that decides (受理 and the one 补正告知书 listing every missing paper; 批准 with
// the amount, its working and the appeal rights; 不予批准 with the reason; 停发 with the hearing).
import fs from 'node:fs';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { members, notices } from '@/db/schema';
import { createApplication } from '@/lib/applications/create-application';
import { decideApplication } from '@/lib/applications/decide';
import { recordInvestigation } from '@/lib/applications/investigate';
import { acceptApplication, recordTownshipOpinion, refuseAcceptance, startPublicNotice } from '@/lib/applications/steps';
import { notAcceptSchema } from '@/lib/applications/schemas';
import { applications, textMessages } from '@/db/schema';
import { addDays } from '@/lib/core/calendar-date';
import { todayInChina } from '@/lib/core/time';
import { decideChange } from '@/lib/enrollments/decide-change';
import { proposeChange } from '@/lib/enrollments/propose-change';
import { registerHousehold } from '@/lib/households/register-household';
import { householdInputSchema } from '@/lib/households/schemas';
import { issueNotice, noticeNumber } from '@/lib/notices/issue';
import { getNotice, listHouseholdNotices } from '@/lib/notices/queries';
import { appDb, insertHousehold, randomIdNumber, signedIn } from './support/app';
import { countyStaff } from './support/payouts';

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/mu-xiaojun.json'), 'utf8'));
const today = todayInChina();
const day = (n: number) => addDays(today, -n);
const on = (n: number) => new Date(`${day(n)}T10:00:00+08:00`);

describe('notice numbers', () => {
  it('formats 交民救〔2026〕第 0001 号', () => {
    expect(noticeNumber('交口县', 2026, 1)).toBe('交民救〔2026〕第 0001 号');
    expect(noticeNumber('岚县', 2031, 123)).toBe('岚民救〔2031〕第 0123 号');
  });

  it('gives 30 notices issued at once 30 different numbers, 1 to 30, and a rolled-back one leaves no gap', async () => {
    const db = await appDb();
    const { supervisor } = await countyStaff();
    const householdId = await insertHousehold(db, { villageCode: '141127100200' });
    // A year no other test issues in, for 岚县.
    const year = 2031 + Math.floor(Math.random() * 500);
    const issue = (tx: Parameters<Parameters<typeof db.transaction>[0]>[0]) =>
      issueNotice(tx, supervisor, { kind: 'termination', householdId, villageCode: '141127100200', issuedOn: `${year}-03-01`, paragraphs: ['测试'] });
    const numbers = await Promise.all(Array.from({ length: 30 }, () => db.transaction(issue)));
    const seqs = (await db.select({ seq: notices.seq }).from(notices).where(inArray(notices.number, numbers.map((n) => n.number)))).map((r) => r.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(new Set(numbers.map((n) => n.number)).size).toBe(30);

    await expect(
      db.transaction(async (tx) => {
        await issue(tx);
        throw new Error('the step failed after its notice');
      }),
    ).rejects.toThrow('the step failed');
    const next = await db.transaction(issue);
    expect(next.number).toBe(`岚民救〔${year}〕第 0031 号`);
  });
});

describe('notices issued with the steps', () => {
  it('受理 issues the acceptance notice and one 补正告知书 listing every missing paper; approval the decision with its amount and appeal rights', async () => {
    const db = await appDb();
    const caseworker = await signedIn('caseworker');
    const supervisor = await signedIn('supervisor');
    const list = fixture.household.members as { name: string; relation: string; inSchool?: string; disability?: { kind: string; grade: number }; workingCapacity?: string }[];
    const input = householdInputSchema.parse({
      villageCode: '141130101200',
      address: '康城村 18 号',
      kind: 'rural',
      members: list.map((m) => ({ name: m.name, idNumber: randomIdNumber(), relation: m.relation, workingCapacity: m.workingCapacity ?? (m.inSchool ? 'none' : 'full'), schoolStage: m.inSchool, disabilityKind: m.disability?.kind, disabilityGrade: m.disability?.grade })),
    });
    const householdId = (await registerHousehold(caseworker, input)).id;
    const { id } = await createApplication(caseworker, { householdId, kind: 'dibao_household', closeRelative: false }, on(21));
    await acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: day(20), missingDocuments: ['户口簿复印件', '收入证明'] }, on(20));
    const accepted = await db.select().from(notices).where(eq(notices.applicationId, id)).orderBy(notices.seq);
    expect(accepted.map((n) => n.kind)).toEqual(['acceptance', 'correction']);
    expect(accepted[1]!.seq).toBe(accepted[0]!.seq + 1);
    expect(accepted[0]!.number).toMatch(new RegExp(`^交民救〔${day(20).slice(0, 4)}〕第 \\d{4} 号$`));
    const [head] = await db.select().from(members).where(eq(members.householdId, householdId)).limit(1);
    const correction = await getNotice(caseworker, accepted[1]!.id);
    expect(correction.body).toMatchObject({ title: '补正告知书', recipient: head!.name, issuer: '康城镇人民政府' });
    expect(correction.body.paragraphs).toEqual(expect.arrayContaining(['1. 户口簿复印件', '2. 收入证明']));

    await recordInvestigation(caseworker, { applicationId: id, version: 2, investigator1: '王晓梅', investigator2: '刘建华', investigatedOn: day(18), findings: '户主瘫痪在床，无劳动收入' }, on(18));
    await recordTownshipOpinion(caseworker, { applicationId: id, version: 3, opinion: '同意上报', reviewedOn: day(16) }, on(16));
    await startPublicNotice(caseworker, { applicationId: id, version: 4, noticeStart: day(15) }, on(15));
    await decideApplication(supervisor, { applicationId: id, version: 5, decision: 'approve' });
    const [approval] = await db.select().from(notices).where(sql`${notices.applicationId} = ${id} and ${notices.kind} = 'approval'`);
    const text = (approval!.body as { paragraphs: string[] }).paragraphs.join('\n');
    expect(text).toContain('保障人数 5 人，每月保障金额 ¥2,452.00');
    expect(text).toContain('60 日内向交口县人民政府或者吕梁市民政局申请行政复议');
    expect(text).toContain('6 个月内依法向人民法院提起行政诉讼');
    expect((approval!.body as { issuer: string }).issuer).toBe('交口县民政局');

    const filed = await listHouseholdNotices(caseworker, householdId, '141130101200');
    expect(filed.map((n) => n.title).sort()).toEqual(['受理通知书', '批准决定书', '补正告知书'].sort());

    // Another county's staff get nothing, not even that it exists.
    const { supervisor: lanxian } = await countyStaff();
    await expect(getNotice(lanxian, approval!.id)).rejects.toMatchObject({ code: 'not_found' });

    // Stopping the aid issues the 停发告知书 with the hearing, numbered after the decision.
    const [enrollment] = await db.execute<{ id: string; version: number }>(sql`select id, version from enrollments where application_id = ${id} and program = 'dibao'`);
    const e = enrollment as { id: string; version: number };
    const { id: changeId } = await proposeChange(caseworker, { enrollmentId: e.id, version: e.version, kind: 'terminate', effectiveMonth: addDays(today, 40).slice(0, 7), reason: '家庭成员外出务工收入稳定', reasonCode: 'income_rose', hearingNote: '已入户告知，户主无异议' });
    await decideChange(supervisor, { changeId, decision: 'approve' });
    const [stop] = await db.select().from(notices).where(eq(notices.enrollmentChangeId, changeId));
    expect(stop!.kind).toBe('termination');
    expect((stop!.body as { paragraphs: string[] }).paragraphs).toEqual(expect.arrayContaining(['理由：家庭成员外出务工收入稳定', '告知及陈述申辩情况：已入户告知，户主无异议']));
  });

  it('不予批准 issues the refusal with its reason and the appeal rights', async () => {
    const db = await appDb();
    const caseworker = await signedIn('caseworker');
    const supervisor = await signedIn('supervisor');
    const householdId = await insertHousehold(db);
    const { id } = await createApplication(caseworker, { householdId, kind: 'dibao_household', closeRelative: false }, on(21));
    await acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: day(20), missingDocuments: [] }, on(20));
    expect((await db.select().from(notices).where(eq(notices.applicationId, id))).map((n) => n.kind)).toEqual(['acceptance']);
    await recordInvestigation(caseworker, { applicationId: id, version: 2, investigator1: '王晓梅', investigator2: '刘建华', investigatedOn: day(18), findings: '家庭有经营性收入' }, on(18));
    await recordTownshipOpinion(caseworker, { applicationId: id, version: 3, opinion: '不同意', reviewedOn: day(16) }, on(16));
    await startPublicNotice(caseworker, { applicationId: id, version: 4, noticeStart: day(15) }, on(15));
    await decideApplication(supervisor, { applicationId: id, version: 5, decision: 'refuse', reason: '家庭人均收入高于当地低保标准' });
    const [refusal] = await db.select().from(notices).where(sql`${notices.applicationId} = ${id} and ${notices.kind} = 'refusal'`);
    const paragraphs = (refusal!.body as { paragraphs: string[] }).paragraphs;
    expect(paragraphs).toContain('理由：家庭人均收入高于当地低保标准');
    expect(paragraphs.at(-1)).toContain('申请行政复议');
  });

  it('不予受理 closes the application with the 不予受理通知书: the reason, the appeal rights, the township as issuer; not once accepted', async () => {
    const db = await appDb();
    const caseworker = await signedIn('caseworker');
    const householdId = await insertHousehold(db, { villageCode: '141130101200' });
    await db.execute(sql`update households set phone = '13600001111' where id = ${householdId}`);
    const { id } = await createApplication(caseworker, { householdId, kind: 'dibao_household', closeRelative: false }, on(3));
    const short = notAcceptSchema.safeParse({ applicationId: id, version: 1, notAcceptedOn: day(2), reason: '不符' });
    expect(short.success).toBe(false);
    expect(short.error!.issues[0]).toMatchObject({ path: ['reason'], message: '请写明不予受理的理由（至少 5 个字）' });
    await expect(refuseAcceptance(await signedIn('caseworker2'), { applicationId: id, version: 1, notAcceptedOn: day(2), reason: '申请人户籍不在本乡镇' }, on(2))).rejects.toMatchObject({ code: 'not_found' });

    await refuseAcceptance(caseworker, { applicationId: id, version: 1, notAcceptedOn: day(2), reason: '申请人户籍不在本乡镇，应向户籍所在地申请' }, on(2));
    const [app] = await db.select().from(applications).where(eq(applications.id, id));
    expect(app).toMatchObject({ state: 'not_accepted', decidedOn: day(2), decisionReason: '申请人户籍不在本乡镇，应向户籍所在地申请' });
    const [n] = await db.select().from(notices).where(eq(notices.applicationId, id));
    expect(n!.kind).toBe('non_acceptance');
    const body = (await getNotice(caseworker, n!.id)).body;
    expect(body).toMatchObject({ title: '不予受理通知书', issuer: '康城镇人民政府' });
    expect(body.paragraphs).toEqual(expect.arrayContaining(['理由：申请人户籍不在本乡镇，应向户籍所在地申请']));
    expect(body.paragraphs.join('')).toContain('60 日内向交口县人民政府或者吕梁市民政局申请行政复议');
    const texts = await db.select().from(textMessages).where(eq(textMessages.householdId, householdId));
    expect(texts.map((t) => [t.kind, t.state, t.body.includes(n!.number)])).toEqual([['decided', 'pending', true]]);
    // Closed: neither accepted nor refused again (the form's draft is gone: 记录已被他人修改).
    await expect(acceptApplication(caseworker, { applicationId: id, version: app!.version, acceptedOn: day(1), missingDocuments: [] }, on(1))).rejects.toMatchObject({ code: 'conflict' });
    await expect(refuseAcceptance(caseworker, { applicationId: id, version: app!.version, notAcceptedOn: day(1), reason: '再次不予受理测试' }, on(1))).rejects.toMatchObject({ code: 'conflict' });
    expect(await db.select().from(notices).where(eq(notices.applicationId, id))).toHaveLength(1);
  });
});
