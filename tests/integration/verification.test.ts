import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { verificationResults } from '@/db/schema';
import { createApplication } from '@/lib/applications/create-application';
import { decideApplication } from '@/lib/applications/decide';
import { recordInvestigation } from '@/lib/applications/investigate';
import { acceptApplication, recordTownshipOpinion, startPublicNotice } from '@/lib/applications/steps';
import type { SessionUser } from '@/lib/auth/types';
import { addDays } from '@/lib/core/calendar-date';
import { idCheckDigit } from '@/lib/core/resident-id';
import { todayInChina } from '@/lib/core/time';
import { registerHousehold } from '@/lib/households/register-household';
import { householdInputSchema } from '@/lib/households/schemas';
import { addSupporter, recordConsent, withdrawConsent } from '@/lib/verification/consent';
import { addDepartment, listDepartments, setDepartmentActive } from '@/lib/verification/departments';
import { exportRequestFile, importAnswerFile } from '@/lib/verification/files-io';
import { verificationOf } from '@/lib/verification/queries';
import { requestVerification } from '@/lib/verification/request';
import { consentSchema } from '@/lib/verification/schemas';
import { appDb, signedIn } from './support/app';

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/mu-xiaojun.json'), 'utf8'));
const today = todayInChina();
const day = (n: number) => addDays(today, -n);
const on = (n: number) => new Date(`${day(n)}T10:00:00+08:00`);

/** A resident ID with the birth date of the reference member (so ages are the fixture's), fresh otherwise. */
// Drawn without repeats: a fresh household of the reference case per test, each member's ID of the
// same birth date, so 1,000 sequence numbers would collide by chance in one test file in three.
const usedIds = new Set<string>();
function idLike(reference: string): string {
  for (;;) {
    const body = `${reference.slice(0, 14)}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
    const id = body + idCheckDigit(body);
    if (usedIds.has(id)) continue;
    usedIds.add(id);
    return id;
  }
}

type Member = { name: string; idNumber: string; relation: string; inSchool?: string; disability?: { kind: string; grade: number }; workingCapacity?: string };

/** The reference household of DESIGN.md (穆小军, five persons, no income: 2,452 yuan a month), with fresh IDs. */
async function referenceApplication(caseworker: SessionUser) {
  const list = fixture.household.members as Member[];
  const input = householdInputSchema.parse({
    villageCode: '141130101200',
    address: '康城村 18 号',
    kind: 'rural',
    members: list.map((m) => ({
      name: m.name,
      idNumber: idLike(m.idNumber),
      relation: m.relation,
      workingCapacity: m.workingCapacity ?? (m.inSchool ? 'none' : 'full'),
      schoolStage: m.inSchool,
      disabilityKind: m.disability?.kind,
      disabilityGrade: m.disability?.grade,
    })),
  });
  const { id: householdId } = await registerHousehold(caseworker, input);
  const { id } = await createApplication(caseworker, { householdId, kind: 'dibao_household', closeRelative: false }, on(21));
  await acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: day(20), missingDocuments: [] }, on(20));
  const db = await appDb();
  const people = (await db.execute(sql`SELECT id, name, id_number, birth_date::text AS birth FROM members WHERE household_id = ${householdId}::uuid`)) as unknown as { id: string; name: string; id_number: string; birth: string }[];
  const byName = Object.fromEntries([...people].map((p) => [p.name, p]));
  return { householdId, applicationId: id, byName, ids: people.map((p) => p.id) };
}

/** Consent signed by everyone, a supporter (穆小军's father) included. */
async function consented(caseworker: SessionUser) {
  const app = await referenceApplication(caseworker);
  const supporterId = idLike('141130195505050000');
  const { id: supporter } = await addSupporter(caseworker, { applicationId: app.applicationId, name: '穆老汉', idNumber: supporterId, relation: 'fuyang_child', relationText: '父亲' });
  await recordConsent(caseworker, consentSchema.parse({ applicationId: app.applicationId, signedOn: day(19), memberIds: app.ids, supporterIds: [supporter] }));
  return { ...app, supporter, supporterId };
}

const HEADER = '批次号,核对部门,序号,证件号码,姓名,项目,金额（元）,说明';
type Req = Awaited<ReturnType<typeof requestVerification>>;
type Line = [seq: number, item: string, amount: string, note?: string];

async function personsOf(caseworker: SessionUser, applicationId: string) {
  return (await verificationOf(caseworker, applicationId)).report!.request.persons;
}

/** A department's answer: the given lines, and 无记录 for everyone else. */
async function answer(caseworker: SessionUser, applicationId: string, req: Req, department: string, lines: Line[] = []) {
  const persons = await personsOf(caseworker, applicationId);
  const rows = persons.map((p) => {
    const own = lines.filter((l) => l[0] === p.seq);
    if (own.length === 0) return [`${req.batchNo},${department},${p.seq},${p.idNumber},${p.name},无记录,,`];
    return own.map((l) => `${req.batchNo},${department},${p.seq},${p.idNumber},${p.name},${l[1]},${l[2]},${l[3] ?? ''}`);
  });
  return `\uFEFF${HEADER}\r\n${rows.flat().join('\r\n')}\r\n`;
}

const codes = [
  ['police', '公安'], ['hrss', '人社'], ['real_estate', '不动产登记'], ['vehicles', '车辆管理'], ['tax', '税务'],
  ['housing_fund', '住房公积金'], ['market', '市场监管'], ['bank', '银行'], ['medical', '医保'],
] as const;

async function answerAll(caseworker: SessionUser, applicationId: string, req: Req, special: Partial<Record<string, Line[]>>, now?: Date) {
  for (const [code, name] of codes) {
    const out = await importAnswerFile(caseworker, req.id, code, { name: `${code}.csv`, text: await answer(caseworker, applicationId, req, name, special[code]) }, now);
    expect(out).toMatchObject({ ok: true });
  }
}

/** Through investigation, township opinion and public notice, ready for the county's decision. */
async function toDecision(caseworker: SessionUser, applicationId: string) {
  let v = 2;
  await recordInvestigation(caseworker, { applicationId, version: v++, investigator1: '王晓梅', investigator2: '刘建华', investigatedOn: day(18), findings: '户主瘫痪在床' }, on(18));
  await recordTownshipOpinion(caseworker, { applicationId, version: v++, opinion: '同意上报', reviewedOn: day(16) }, on(16));
  await startPublicNotice(caseworker, { applicationId, version: v++, noticeStart: day(15) }, on(15));
  return v;
}

describe('household economic-status verification (核对)', () => {
  it('the consent names every adult member and supporter who has not signed; a minor need not sign', async () => {
    const caseworker = await signedIn('caseworker');
    const app = await referenceApplication(caseworker);
    const { id: supporter } = await addSupporter(caseworker, { applicationId: app.applicationId, name: '穆老汉', idNumber: idLike('141130195505050000'), relation: 'fuyang_child', relationText: '父亲' });
    const head = app.byName['穆小军']!.id;
    const attempt = recordConsent(caseworker, consentSchema.parse({ applicationId: app.applicationId, signedOn: day(19), memberIds: [head], supporterIds: [] }));
    await expect(attempt).rejects.toMatchObject({ code: 'invalid_input', fieldErrors: { memberIds: expect.stringContaining('刘桂英') } });
    await expect(attempt).rejects.toMatchObject({ fieldErrors: { memberIds: expect.stringContaining('穆老汉') } });
    // 穆晓东 (born 2006-09-18) is an adult; 穆晓燕 (2009-02-24) and 穆晓宇 are minors on the day.
    await expect(attempt).rejects.toMatchObject({ fieldErrors: { memberIds: expect.stringContaining('穆晓东') } });
    await expect(attempt).rejects.toMatchObject({ fieldErrors: { memberIds: expect.not.stringContaining('穆晓燕') } });
    const adults = ['穆小军', '刘桂英', '穆晓东'].map((n) => app.byName[n]!.id);
    await recordConsent(caseworker, consentSchema.parse({ applicationId: app.applicationId, signedOn: day(19), memberIds: adults, supporterIds: [supporter] }));
    await expect(recordConsent(caseworker, consentSchema.parse({ applicationId: app.applicationId, signedOn: day(19), memberIds: adults, supporterIds: [supporter] }))).rejects.toMatchObject({ code: 'precondition' });
    const state = await verificationOf(caseworker, app.applicationId);
    expect(state.inForce).toMatchObject({ signedOn: day(19), documentId: null });
  });

  it('a request needs the consent, asks every active department, and exports the documented layout', async () => {
    const caseworker = await signedIn('caseworker');
    const app = await referenceApplication(caseworker);
    await expect(requestVerification(caseworker, { applicationId: app.applicationId })).rejects.toMatchObject({ code: 'precondition', fieldErrors: { _form: expect.stringContaining('授权书') } });
    const c = await consented(caseworker);
    const req = await requestVerification(caseworker, { applicationId: c.applicationId });
    expect(req).toMatchObject({ persons: 6, batchNo: expect.stringMatching(/^HD141130\d{8}\d{4}$/) });
    expect(req.departments).toBeGreaterThanOrEqual(9);
    await expect(requestVerification(caseworker, { applicationId: c.applicationId })).rejects.toMatchObject({ code: 'precondition' });

    const file = await exportRequestFile(caseworker, req.id, 'bank');
    expect(file.text.startsWith('\uFEFF')).toBe(true);
    const rows = file.text.slice(1).trim().split('\r\n');
    expect(rows[0]).toBe('批次号,核对部门,序号,姓名,证件类型,证件号码,与申请人关系,核对事项');
    expect(rows).toHaveLength(7);
    expect(rows[1]).toBe(`${req.batchNo},银行,1,穆小军,居民身份证,${c.byName['穆小军']!.id_number},本人,存款及金融资产`);
    expect(rows[6]).toBe(`${req.batchNo},银行,6,穆老汉,居民身份证,${c.supporterId},父亲（法定抚养人）,存款及金融资产`);
  });

  it('imports every department’s answer and recomputes the amount from the verified income (2,452 → 1,952)', async () => {
    const caseworker = await signedIn('caseworker');
    const c = await consented(caseworker);
    const req = await requestVerification(caseworker, { applicationId: c.applicationId });
    const persons = await personsOf(caseworker, c.applicationId);
    const wife = persons.find((p) => p.name === '刘桂英')!.seq;
    const father = persons.find((p) => p.name === '穆老汉')!.seq;
    // 刘桂英 earns 500 yuan a month (人社); the supporter's pension is his, not the household's.
    await answerAll(caseworker, c.applicationId, req, {
      hrss: [[wife, '工资性收入', '500.00', '县城保洁'], [father, '养老金', '1200.00']],
      // 税务 knows the same wages: counted once (the higher of the departments' figures), not twice.
      tax: [[wife, '工资性收入', '480.00']],
      bank: [[wife, '存款及金融资产', '3000.00']],
      medical: [[1, '医疗自付费用', '8600.50']],
    });
    const { report } = await verificationOf(caseworker, c.applicationId);
    expect(report!.request.state).toBe('completed');
    expect(report!.results.filter((r) => r.item !== 'none')).toHaveLength(5);
    // Declared: 402 × 5 − 0 = 2,010 + classified 442 = 2,452. Verified: 402 × 5 − 500 = 1,510 + 442 = 1,952.
    expect(report!.declared).toMatchObject({ totalFen: 245_200, countedIncomeFen: 0 });
    expect(report!.verifiedIncomeFen).toBe(50_000);
    expect(report!.recomputed).toMatchObject({ totalFen: 195_200, countedIncomeFen: 50_000, components: { gap: 151_000, classified: 44_200 } });
    expect(report!.differenceFen).toBe(-50_000);
    expect(report!.breach).toBe(false);
    expect(report!.expired).toBe(false);
    // A second answer from the same department is refused.
    await expect(importAnswerFile(caseworker, req.id, 'bank', { name: 'again.csv', text: await answer(caseworker, c.applicationId, req, '银行') })).rejects.toMatchObject({ code: 'precondition' });
  });

  it('refuses a bad answer file whole with per-row errors, writing nothing', async () => {
    const caseworker = await signedIn('caseworker');
    const c = await consented(caseworker);
    const req = await requestVerification(caseworker, { applicationId: c.applicationId });
    const persons = await personsOf(caseworker, c.applicationId);
    const good = await answer(caseworker, c.applicationId, req, '人社', [[2, '工资性收入', '500.00']]);
    const p = persons[0]!;
    const bad = `${good}${req.batchNo},人社,99,141130198003120000,某某,工资性收入,100,\r\n${'HD0000002026010100001'},人社,${p.seq},${p.idNumber},${p.name},无记录,,\r\n${req.batchNo},税务,${p.seq},${p.idNumber},${p.name},无记录,,\r\n${req.batchNo},人社,${p.seq},${p.idNumber},${p.name},工资性收入,12.345,\r\n${req.batchNo},人社,${p.seq},141130199001011234,${p.name},养老金,10,\r\n`;
    const out = await importAnswerFile(caseworker, req.id, 'hrss', { name: 'bad.csv', text: bad });
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.message).toContain('整个文件未导入');
    const first = persons.length + 2; // header + one line per person, then the bad rows
    expect(out.errors).toEqual([
      { row: first, message: expect.stringContaining('序号“99”不属于本批次') },
      { row: first + 1, message: expect.stringContaining('不是本次核对') },
      { row: first + 2, message: expect.stringContaining('核对部门“税务”不是人社') },
      { row: first + 3, message: expect.stringContaining('金额“12.345”格式不正确') },
      { row: first + 4, message: '证件号码与核对请求中的该序号不符' },
    ]);
    const missing = await importAnswerFile(caseworker, req.id, 'hrss', { name: 'cols.csv', text: good.replace(',金额（元）', '') });
    expect(missing).toMatchObject({ ok: false, message: expect.stringContaining('缺少“金额（元）”列') });
    const db = await appDb();
    expect(await db.select().from(verificationResults).where(eq(verificationResults.requestId, req.id))).toHaveLength(0);
    // The good file still imports afterwards.
    expect(await importAnswerFile(caseworker, req.id, 'hrss', { name: 'good.csv', text: good })).toMatchObject({ ok: true, lines: persons.length, completed: false });
  });

  it('a deposit above 24 months of the standard blocks approval with the reason; an expired report needs a fresh one', async () => {
    const caseworker = await signedIn('caseworker');
    const supervisor = await signedIn('supervisor');
    const c = await consented(caseworker);
    const version = await toDecision(caseworker, c.applicationId);
    const req = await requestVerification(caseworker, { applicationId: c.applicationId });
    // Open verification: no approval yet.
    await expect(decideApplication(supervisor, { applicationId: c.applicationId, version, decision: 'approve' })).rejects.toMatchObject({ fieldErrors: { decision: expect.stringContaining('尚未完成') } });
    // 24 × 402 × 5 = 48,240 yuan; 50,000 is above it. A vehicle (not for disability) too.
    await answerAll(caseworker, c.applicationId, req, { bank: [[1, '存款及金融资产', '30000.00'], [2, '存款及金融资产', '20000.00']], vehicles: [[2, '车辆', '', '晋J12345 小型轿车']] });
    const { report } = await verificationOf(caseworker, c.applicationId);
    expect(report!.breach).toBe(true);
    expect(report!.reasons.join()).toContain('¥48,240.00');
    await expect(decideApplication(supervisor, { applicationId: c.applicationId, version, decision: 'approve' })).rejects.toMatchObject({
      code: 'precondition',
      fieldErrors: { decision: expect.stringMatching(/不符合条件.*存款及金融资产合计 ¥50,000.00.*非残疾人专用车辆/) },
    });
    // Refusing stays possible (and closes the case: no application is left waiting in the county's queue).
    await decideApplication(supervisor, { applicationId: c.applicationId, version, decision: 'refuse', reason: '核对发现存款超过规定标准，且有非残疾人专用车辆' });

    // A second household whose verification is clean but 100 days old: expired (valid_days 90), approval refused.
    const d = await consented(caseworker);
    const v2 = await toDecision(caseworker, d.applicationId);
    const old = on(100);
    const req2 = await requestVerification(caseworker, { applicationId: d.applicationId }, old);
    await answerAll(caseworker, d.applicationId, req2, {}, old);
    const second = await verificationOf(caseworker, d.applicationId);
    expect(second.report).toMatchObject({ expired: true, breach: false, expiresOn: addDays(day(100), 90) });
    await expect(decideApplication(supervisor, { applicationId: d.applicationId, version: v2, decision: 'approve' })).rejects.toMatchObject({ fieldErrors: { decision: expect.stringContaining('过期，请重新发起核对') } });
    // A refusal is still possible.
    await decideApplication(supervisor, { applicationId: d.applicationId, version: v2, decision: 'refuse', reason: '核对报告过期且申请人未配合重新核对' });
  });

  it('a clean, fresh verification lets the approval through at the declared amount', async () => {
    const caseworker = await signedIn('caseworker');
    const supervisor = await signedIn('supervisor');
    const c = await consented(caseworker);
    const version = await toDecision(caseworker, c.applicationId);
    const req = await requestVerification(caseworker, { applicationId: c.applicationId });
    await answerAll(caseworker, c.applicationId, req, { vehicles: [[1, '残疾人专用车辆', '', '残疾人代步车']] });
    await decideApplication(supervisor, { applicationId: c.applicationId, version, decision: 'approve' });
  });

  it('a consent withdrawn stops the open verification and the application says why', async () => {
    const caseworker = await signedIn('caseworker');
    const supervisor = await signedIn('supervisor');
    const c = await consented(caseworker);
    const version = await toDecision(caseworker, c.applicationId);
    const req = await requestVerification(caseworker, { applicationId: c.applicationId });
    await expect(withdrawConsent(caseworker, { applicationId: c.applicationId, withdrawnOn: day(30), reason: '不同意查询存款' })).rejects.toMatchObject({ fieldErrors: { withdrawnOn: expect.stringContaining('不能早于') } });
    expect(await withdrawConsent(caseworker, { applicationId: c.applicationId, withdrawnOn: today, reason: '申请人不同意查询银行存款' })).toEqual({ stopped: 1 });
    const state = await verificationOf(caseworker, c.applicationId);
    expect(state.report!.request).toMatchObject({ state: 'withdrawn', stoppedReason: '申请人不同意查询银行存款' });
    expect(state.inForce).toBeNull();
    expect(state.latest).toMatchObject({ withdrawnReason: '申请人不同意查询银行存款' });
    await expect(importAnswerFile(caseworker, req.id, 'bank', { name: 'x.csv', text: await answer(caseworker, c.applicationId, req, '银行') })).rejects.toMatchObject({ code: 'precondition' });
    await expect(requestVerification(caseworker, { applicationId: c.applicationId })).rejects.toMatchObject({ fieldErrors: { _form: expect.stringContaining('授权书') } });
    await expect(decideApplication(supervisor, { applicationId: c.applicationId, version, decision: 'approve' })).rejects.toMatchObject({ fieldErrors: { decision: expect.stringContaining('撤回核对授权') } });
    await decideApplication(supervisor, { applicationId: c.applicationId, version, decision: 'refuse', reason: '申请人撤回核对授权，无法核实家庭经济状况' });
  });

  it('outside the region every verb and the report answer not found', async () => {
    const caseworker = await signedIn('caseworker');
    const other = await signedIn('caseworker2');
    const c = await consented(caseworker);
    const req = await requestVerification(caseworker, { applicationId: c.applicationId });
    await expect(verificationOf(other, c.applicationId)).rejects.toMatchObject({ code: 'not_found' });
    await expect(addSupporter(other, { applicationId: c.applicationId, name: '某某', idNumber: idLike('141130195505050000'), relation: 'shanyang', relationText: '子女' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(recordConsent(other, consentSchema.parse({ applicationId: c.applicationId, signedOn: today, memberIds: [], supporterIds: [] }))).rejects.toMatchObject({ code: 'not_found' });
    await expect(withdrawConsent(other, { applicationId: c.applicationId, withdrawnOn: today, reason: '测试撤回' })).rejects.toMatchObject({ code: 'not_found' });
    await expect(requestVerification(other, { applicationId: c.applicationId })).rejects.toMatchObject({ code: 'not_found' });
    await expect(exportRequestFile(other, req.id, 'bank')).rejects.toMatchObject({ code: 'not_found' });
    await expect(importAnswerFile(other, req.id, 'bank', { name: 'x.csv', text: await answer(caseworker, c.applicationId, req, '银行') })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('the admin keeps the departments: a new one is asked by the next request, a deactivated one no longer', async () => {
    const admin = await signedIn('admin');
    const caseworker = await signedIn('caseworker');
    await expect(addDepartment(caseworker, { code: 'civil', name: '民政', matters: '婚姻登记' })).rejects.toMatchObject({ code: 'not_found' });
    const code = `t${Date.now().toString(36)}`;
    const { id } = await addDepartment(admin, { code, name: `测试部门${code}`, matters: '测试事项' });
    await expect(addDepartment(admin, { code, name: `另一${code}`, matters: '测试事项' })).rejects.toMatchObject({ fieldErrors: { code: expect.stringContaining('已存在') } });
    const c = await consented(caseworker);
    const before = await requestVerification(caseworker, { applicationId: c.applicationId });
    await setDepartmentActive(admin, { departmentId: id, active: false });
    const d = await consented(caseworker);
    const after = await requestVerification(caseworker, { applicationId: d.applicationId });
    expect(after.departments).toBe(before.departments - 1);
    expect((await listDepartments(admin)).find((x) => x.id === id)).toMatchObject({ active: false });
  });
});
