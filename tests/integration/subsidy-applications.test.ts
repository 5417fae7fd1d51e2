// 重度残疾人护理补贴 and 困难残疾人生活补贴 applied for in their own right: 受理, 证件核验, 审批 by
// another person, eligibility as policy data checked where the money is decided, one enrollment
// per member and program (also under concurrent decisions), paid from the month after.
// In 离石区 (141102), a county no other test file uses.
import { and, eq, inArray, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { enrollments, members, policyStandards, regions, subsidyApplications, auditLog } from '@/db/schema';
import { startRun } from '@/lib/payouts/start-run';
import { acceptSubsidyApplication } from '@/lib/subsidies/accept';
import { decideSubsidyApplication } from '@/lib/subsidies/decide';
import { getSubsidyApplication, listSubsidyApplications, subsidiesNeedingAttention } from '@/lib/subsidies/queries';
import { certificateNumberOf, type DisabilityKind } from '@/lib/subsidies/rules';
import { verifySubsidyCertificate } from '@/lib/subsidies/verify';
import { appDb, signedIn } from './support/app';
import { countyStaff, enroll, linesOf } from './support/payouts';

const COUNTY = '141102';
let db: Db;
let village: string;
let otherTownshipVillage: string;
let staff: Awaited<ReturnType<typeof countyStaff>>;

// The steps' moments: accepted and verified on 2017-03-06, decided on 2017-03-10 → paid from 2017-04.
const ACCEPT = new Date('2017-03-06T02:00:00Z');
const DECIDE = new Date('2017-03-10T02:00:00Z');

beforeAll(async () => {
  db = await appDb();
  staff = await countyStaff(COUNTY);
  const villages = await db.select({ code: regions.code }).from(regions).where(and(eq(regions.level, 'village'), sql`${regions.code} like ${COUNTY + '%'}`)).orderBy(regions.code);
  village = villages[0]!.code;
  otherTownshipVillage = villages.find((v) => v.code.slice(0, 9) !== village.slice(0, 9))!.code;
});

/** A household (on the dibao roll or not) with a disabled second member. */
async function disabledMember(opts: { kind?: DisabilityKind; grade?: number; dibao?: boolean; villageCode?: string } = {}) {
  const e = await enroll(db, { program: 'dibao', amountFen: 40_000, startMonth: '2017-01', persons: 2, villageCode: opts.villageCode ?? village, status: opts.dibao === false ? 'terminated' : 'active' });
  const memberId = e.memberIds[1]!;
  await db.update(members).set({ disabilityKind: opts.kind ?? '肢体', disabilityGrade: opts.grade ?? 1 }).where(eq(members.id, memberId));
  const [m] = await db.select().from(members).where(eq(members.id, memberId));
  return { ...e, memberId, idNumber: m!.idNumber, dibaoEnrollmentId: e.enrollmentId };
}

async function acceptAndVerify(
  m: { memberId: string; idNumber: string },
  program: 'dis_care' | 'dis_living',
  opts: { kind?: DisabilityKind; grade?: number; validUntil?: string; needsLongTermCare?: boolean } = {},
) {
  const { id } = await acceptSubsidyApplication(staff.caseworker, { memberId: m.memberId, program, acceptedOn: '2017-03-06', needsLongTermCare: opts.needsLongTermCare ?? true }, ACCEPT);
  const kind = opts.kind ?? '肢体';
  const grade = opts.grade ?? 1;
  await verifySubsidyCertificate(
    staff.caseworker,
    { applicationId: id, version: 1, certificateNumber: certificateNumberOf(m.idNumber, kind, grade), certificateKind: kind, certificateGrade: grade, validUntil: opts.validUntil ?? '2021-12-31', verifiedOn: '2017-03-06' },
    ACCEPT,
  );
  return id;
}

const openEnrollments = (memberId: string, program: 'dis_care' | 'dis_living') =>
  db.select().from(enrollments).where(and(eq(enrollments.memberId, memberId), eq(enrollments.program, program), inArray(enrollments.status, ['proposed', 'active', 'suspended'])));

describe('disability subsidy applications', () => {
  it('受理 → 证件核验 → 审批: an active enrollment at the policy amount, paid from the month after, its certificate review dated, each step audited', async () => {
    const m = await disabledMember({ grade: 2 });
    const { id } = await acceptSubsidyApplication(staff.caseworker, { memberId: m.memberId, program: 'dis_care', acceptedOn: '2017-03-06', needsLongTermCare: true }, ACCEPT);
    expect((await getSubsidyApplication(staff.caseworker, id)).state).toBe('accepted');

    await verifySubsidyCertificate(
      staff.caseworker,
      { applicationId: id, version: 1, certificateNumber: certificateNumberOf(m.idNumber, '肢体', 2), certificateKind: '肢体', certificateGrade: 2, validUntil: '2017-12-31', verifiedOn: '2017-03-06' },
      ACCEPT,
    );
    const verified = await getSubsidyApplication(staff.supervisor, id);
    expect(verified).toMatchObject({ state: 'verified', certificateGrade: 2, certificateValidUntil: '2017-12-31', version: 2 });
    const [member] = await db.select().from(members).where(eq(members.id, m.memberId));
    expect(member).toMatchObject({ disabilityValidUntil: '2017-12-31', disabilityCertificate: `${m.idNumber}42` });

    const { enrollmentId } = await decideSubsidyApplication(staff.supervisor, { applicationId: id, version: 2, decision: 'approve' }, DECIDE);
    const decided = await getSubsidyApplication(staff.supervisor, id);
    expect(decided).toMatchObject({ state: 'approved', amountFen: 5_000, startMonth: '2017-04', decidedOn: '2017-03-10', enrollmentId });
    const [e] = await db.select().from(enrollments).where(eq(enrollments.id, enrollmentId!));
    // The review a year on, or the certificate's end when sooner.
    expect(e).toMatchObject({ program: 'dis_care', status: 'active', memberId: m.memberId, startMonth: '2017-04', nextReviewOn: '2017-12-31', decidedBy: staff.supervisor.id, createdBy: staff.caseworker.id });

    const audit = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entity, 'subsidy_application'), eq(auditLog.entityId, id)));
    expect(audit.map((a) => a.action).sort()).toEqual(['subsidy_application.accept', 'subsidy_application.approve', 'subsidy_application.verify']);
    expect((await listSubsidyApplications(staff.caseworker, { program: 'dis_care' })).map((a) => a.id)).toContain(id);
    expect((await listSubsidyApplications(staff.caseworker, { program: 'dis_living' })).map((a) => a.id)).not.toContain(id);

    // Paid from the month after the decision: not in March's run, in April's at the amount.
    const march = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2017-03' }, DECIDE);
    expect((await linesOf(db, march.runId)).filter((l) => l.enrollment_id === enrollmentId)).toEqual([]);
    const april = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2017-04' }, DECIDE);
    expect((await linesOf(db, april.runId)).filter((l) => l.enrollment_id === enrollmentId).map((l) => [l.kind, l.program, l.amount_fen])).toEqual([['enrollment', 'dis_care', 5_000]]);
  });

  it('生活补贴 for a disabled member of a household on the dibao roll; refused for a household not on it', async () => {
    const onRoll = await disabledMember({ grade: 3 });
    const id = await acceptAndVerify(onRoll, 'dis_living', { grade: 3 });
    const { enrollmentId } = await decideSubsidyApplication(staff.supervisor, { applicationId: id, version: 2, decision: 'approve' }, DECIDE);
    expect((await openEnrollments(onRoll.memberId, 'dis_living')).map((e) => e.id)).toEqual([enrollmentId]);

    const offRoll = await disabledMember({ grade: 3, dibao: false });
    const refusedId = await acceptAndVerify(offRoll, 'dis_living', { grade: 3 });
    await expect(decideSubsidyApplication(staff.supervisor, { applicationId: refusedId, version: 2, decision: 'approve' }, DECIDE)).rejects.toMatchObject({
      code: 'precondition',
      fieldErrors: { decision: '残疾人所在家庭不是低保在册户，不享受困难残疾人生活补贴' },
    });
    expect(await openEnrollments(offRoll.memberId, 'dis_living')).toEqual([]);
    expect((await getSubsidyApplication(staff.supervisor, refusedId)).state).toBe('verified');
  });

  it('护理补贴: grade 3 refused where policy says 1–2; grade 3 intellectual taken where the county adds it', async () => {
    const physical = await disabledMember({ kind: '肢体', grade: 3 });
    const id = await acceptAndVerify(physical, 'dis_care', { kind: '肢体', grade: 3 });
    await expect(decideSubsidyApplication(staff.supervisor, { applicationId: id, version: 2, decision: 'approve' }, DECIDE)).rejects.toMatchObject({
      code: 'precondition',
      fieldErrors: { decision: '重度残疾人护理补贴限 1、2 级残疾人，该成员为 3 级肢体残疾' },
    });

    const intellectual = await disabledMember({ kind: '智力', grade: 3 });
    const id2 = await acceptAndVerify(intellectual, 'dis_care', { kind: '智力', grade: 3 });
    await expect(decideSubsidyApplication(staff.supervisor, { applicationId: id2, version: 2, decision: 'approve' }, DECIDE)).rejects.toMatchObject({ code: 'precondition' });
    // The county's own policy adds grade 3–4 intellectual and mental from 2017-03-01.
    await db.insert(policyStandards).values({ program: 'dis_care', component: 'kind_grades', regionCode: COUNTY, effectiveFrom: '2017-03-01', textValue: '智力:3,4;精神:3,4', note: '测试：离石区纳入三、四级智力、精神残疾' });
    const { enrollmentId } = await decideSubsidyApplication(staff.supervisor, { applicationId: id2, version: 2, decision: 'approve' }, DECIDE);
    expect(enrollmentId).toBeTruthy();
    // Still not 3 肢体.
    await expect(decideSubsidyApplication(staff.supervisor, { applicationId: id, version: 2, decision: 'approve' }, DECIDE)).rejects.toMatchObject({ code: 'precondition' });
  });

  it('a certificate expired on the decision date refuses; one valid through that day does not', async () => {
    const m = await disabledMember({ grade: 1 });
    const id = await acceptAndVerify(m, 'dis_care', { validUntil: '2017-03-09' });
    await expect(decideSubsidyApplication(staff.supervisor, { applicationId: id, version: 2, decision: 'approve' }, DECIDE)).rejects.toMatchObject({
      code: 'precondition',
      fieldErrors: { decision: '残疾人证有效期至 2017-03-09，已过期，请先换证' },
    });
    const m2 = await disabledMember({ grade: 1 });
    const id2 = await acceptAndVerify(m2, 'dis_care', { validUntil: '2017-03-10' });
    const { enrollmentId } = await decideSubsidyApplication(staff.supervisor, { applicationId: id2, version: 2, decision: 'approve' }, DECIDE);
    const [e] = await db.select().from(enrollments).where(eq(enrollments.id, enrollmentId!));
    expect(e!.nextReviewOn).toBe('2017-03-10');
  });

  it('whoever accepted or verified the case does not decide it', async () => {
    const m = await disabledMember();
    // A supervisor may take the case in (application.write) but then not decide it.
    const { id } = await acceptSubsidyApplication(staff.supervisor, { memberId: m.memberId, program: 'dis_care', acceptedOn: '2017-03-06', needsLongTermCare: true }, ACCEPT);
    await verifySubsidyCertificate(
      staff.supervisor2,
      { applicationId: id, version: 1, certificateNumber: certificateNumberOf(m.idNumber, '肢体', 1), certificateKind: '肢体', certificateGrade: 1, validUntil: '2021-12-31', verifiedOn: '2017-03-06' },
      ACCEPT,
    );
    await expect(decideSubsidyApplication(staff.supervisor, { applicationId: id, version: 2, decision: 'approve' }, DECIDE)).rejects.toMatchObject({ code: 'same_person', fieldErrors: { decision: '受理人不能审批本人受理的申请' } });
    await expect(decideSubsidyApplication(staff.supervisor2, { applicationId: id, version: 2, decision: 'approve' }, DECIDE)).rejects.toMatchObject({ code: 'same_person', fieldErrors: { decision: '证件核验人不能审批本人核验的申请' } });
    // A caseworker may not decide at all (answered as not found).
    await expect(decideSubsidyApplication(staff.caseworker, { applicationId: id, version: 2, decision: 'approve' }, DECIDE)).rejects.toMatchObject({ code: 'not_found' });
    expect(await openEnrollments(m.memberId, 'dis_care')).toEqual([]);
  });

  it('证件核验 refuses a number of another person, a kind or grade other than the registry, field by field, changing nothing', async () => {
    const m = await disabledMember({ kind: '肢体', grade: 2 });
    const { id } = await acceptSubsidyApplication(staff.caseworker, { memberId: m.memberId, program: 'dis_care', acceptedOn: '2017-03-06', needsLongTermCare: true }, ACCEPT);
    const base = { applicationId: id, version: 1, certificateKind: '肢体' as const, certificateGrade: 2, validUntil: '2021-12-31', verifiedOn: '2017-03-06' };
    const other = `${m.idNumber.slice(0, 14)}${m.idNumber[14] === '9' ? '0' : '9'}${m.idNumber.slice(15)}`;
    await expect(verifySubsidyCertificate(staff.caseworker, { ...base, certificateNumber: `${other}42` }, ACCEPT)).rejects.toMatchObject({ code: 'invalid_input', fieldErrors: { certificateNumber: '残疾人证号的前 18 位与该成员的身份证号不一致' } });
    await expect(verifySubsidyCertificate(staff.caseworker, { ...base, certificateNumber: `${m.idNumber}43` }, ACCEPT)).rejects.toMatchObject({ fieldErrors: { certificateGrade: '证号中的残疾等级与所选等级不一致' } });
    await expect(verifySubsidyCertificate(staff.caseworker, { ...base, certificateNumber: `${m.idNumber}41`, certificateGrade: 1 }, ACCEPT)).rejects.toMatchObject({
      code: 'precondition',
      fieldErrors: { certificateGrade: '证件上的类别、等级与户籍登记（2 级肢体残疾）不一致，请先核对并更正家庭信息' },
    });
    await expect(verifySubsidyCertificate(staff.caseworker, { ...base, certificateNumber: `${m.idNumber}42`, verifiedOn: '2017-03-05' }, ACCEPT)).rejects.toMatchObject({ fieldErrors: { verifiedOn: '核验日期不能早于受理日期 2017-03-06' } });
    const [app] = await db.select().from(subsidyApplications).where(eq(subsidyApplications.id, id));
    expect(app).toMatchObject({ state: 'accepted', version: 1, certificateNumber: null });
  });

  it('one open application per member and program; none while the subsidy is already paid or proposed', async () => {
    const m = await disabledMember();
    await acceptSubsidyApplication(staff.caseworker, { memberId: m.memberId, program: 'dis_care', acceptedOn: '2017-03-06', needsLongTermCare: true }, ACCEPT);
    await expect(acceptSubsidyApplication(staff.caseworker, { memberId: m.memberId, program: 'dis_care', acceptedOn: '2017-03-06', needsLongTermCare: true }, ACCEPT)).rejects.toMatchObject({
      code: 'precondition',
      fieldErrors: { program: '该成员已有一件同类补贴申请正在办理' },
    });
    // The other program is its own application.
    await acceptSubsidyApplication(staff.caseworker, { memberId: m.memberId, program: 'dis_living', acceptedOn: '2017-03-06', needsLongTermCare: false }, ACCEPT);

    // A subsidy proposed by a dibao decision blocks a second one, at intake and at the database.
    const p = await disabledMember();
    await db.insert(enrollments).values({ program: 'dis_living', householdId: p.householdId, memberId: p.memberId, status: 'proposed', countyCode: COUNTY, townshipCode: village.slice(0, 9), villageCode: village, startMonth: '2017-02' });
    await expect(acceptSubsidyApplication(staff.caseworker, { memberId: p.memberId, program: 'dis_living', acceptedOn: '2017-03-06', needsLongTermCare: false }, ACCEPT)).rejects.toMatchObject({ fieldErrors: { program: '该成员已在享受（或待确认）这项补贴，不能重复申请' } });
    await expect(
      db.insert(enrollments).values({ program: 'dis_living', householdId: p.householdId, memberId: p.memberId, status: 'active', countyCode: COUNTY, townshipCode: village.slice(0, 9), villageCode: village, startMonth: '2017-02' }),
    ).rejects.toThrow();
  });

  it('concurrent decisions on one case make one enrollment', async () => {
    const m = await disabledMember();
    const id = await acceptAndVerify(m, 'dis_care');
    const results = await Promise.allSettled([
      decideSubsidyApplication(staff.supervisor, { applicationId: id, version: 2, decision: 'approve' }, DECIDE),
      decideSubsidyApplication(staff.supervisor2, { applicationId: id, version: 2, decision: 'approve' }, DECIDE),
      decideSubsidyApplication(staff.supervisor, { applicationId: id, version: 2, decision: 'approve' }, DECIDE),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((x) => x.status === 'rejected')) expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    expect(await openEnrollments(m.memberId, 'dis_care')).toHaveLength(1);
  });

  it('a refusal records its reason and enrolls nothing; a refusal without a reason is not taken', async () => {
    const { decideSubsidySchema } = await import('@/lib/subsidies/schemas');
    expect(decideSubsidySchema.safeParse({ applicationId: crypto.randomUUID(), version: 2, decision: 'refuse', reason: '' }).error?.issues[0]).toMatchObject({ path: ['reason'], message: '不予批准须写明理由' });
    const m = await disabledMember();
    const id = await acceptAndVerify(m, 'dis_care');
    await decideSubsidyApplication(staff.supervisor, { applicationId: id, version: 2, decision: 'refuse', reason: '经评估不需要长期照护' }, DECIDE);
    expect(await getSubsidyApplication(staff.supervisor, id)).toMatchObject({ state: 'refused', decisionReason: '经评估不需要长期照护' });
    expect(await openEnrollments(m.memberId, 'dis_care')).toEqual([]);
  });

  it('outside the region: not found, at every step and in the lists', async () => {
    const m = await disabledMember();
    const id = await acceptAndVerify(m, 'dis_care');
    const jiaokou = await signedIn('supervisor'); // 交口县
    const fangshan = await signedIn('caseworker2'); // 方山县 峪口镇
    await expect(getSubsidyApplication(jiaokou, id)).rejects.toMatchObject({ code: 'not_found' });
    await expect(decideSubsidyApplication(jiaokou, { applicationId: id, version: 2, decision: 'approve' }, DECIDE)).rejects.toMatchObject({ code: 'not_found' });
    await expect(acceptSubsidyApplication(fangshan, { memberId: m.memberId, program: 'dis_living', acceptedOn: '2017-03-06', needsLongTermCare: false }, ACCEPT)).rejects.toMatchObject({ code: 'not_found' });
    expect((await listSubsidyApplications(jiaokou)).map((a) => a.id)).not.toContain(id);
    // A township caseworker of another township of the county does not see it either.
    const other = await disabledMember({ villageCode: otherTownshipVillage });
    const otherId = await acceptAndVerify(other, 'dis_care');
    expect(otherId).toBeTruthy();
    await expect(getSubsidyApplication(jiaokou, otherId)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('the caseworker is shown the certificate review due, an expired certificate, a death and a household off the dibao roll', async () => {
    const due = await disabledMember();
    const dueId = await acceptAndVerify(due, 'dis_care', { validUntil: '2017-04-01' });
    const { enrollmentId: dueEnrollment } = await decideSubsidyApplication(staff.supervisor, { applicationId: dueId, version: 2, decision: 'approve' }, DECIDE);
    const living = await disabledMember();
    const livingId = await acceptAndVerify(living, 'dis_living', { validUntil: '2030-12-31' });
    const { enrollmentId: livingEnrollment } = await decideSubsidyApplication(staff.supervisor, { applicationId: livingId, version: 2, decision: 'approve' }, DECIDE);

    // On 2017-03-20: the review (2017-04-01) is due within 30 days; the living subsidy is fine.
    let list = await subsidiesNeedingAttention(staff.caseworker, new Date('2017-03-20T02:00:00Z'));
    expect(list.find((x) => x.id === dueEnrollment)?.reasons).toEqual(['年审将于 2017-04-01 到期']);
    expect(list.find((x) => x.id === livingEnrollment)).toBeUndefined();

    // The household leaves dibao; on 2017-04-05 the certificate has expired and the review is overdue.
    await db.update(enrollments).set({ status: 'terminated', endMonth: '2017-04' }).where(eq(enrollments.id, living.dibaoEnrollmentId));
    list = await subsidiesNeedingAttention(staff.caseworker, new Date('2017-04-05T02:00:00Z'));
    expect(list.find((x) => x.id === dueEnrollment)).toMatchObject({ expired: true, reasons: ['残疾人证已于 2017-04-01 过期', '年审已逾期（应于 2017-04-01）'] });
    expect(list.find((x) => x.id === livingEnrollment)?.reasons).toEqual(['所在家庭已不在低保在册']);

    await db.update(members).set({ status: 'deceased', leftOn: '2017-04-02' }).where(eq(members.id, living.memberId));
    list = await subsidiesNeedingAttention(staff.caseworker, new Date('2017-04-05T02:00:00Z'));
    expect(list.find((x) => x.id === livingEnrollment)?.reasons).toEqual(['成员已死亡', '所在家庭已不在低保在册']);
    // Not outside the region.
    expect((await subsidiesNeedingAttention(await signedIn('caseworker'), new Date('2017-04-05T02:00:00Z'))).map((x) => x.id)).not.toContain(dueEnrollment);
  });

  it('an expired certificate ends the subsidy through the existing enrollment changes; then the member may apply again', async () => {
    const { proposeChange } = await import('@/lib/enrollments/propose-change');
    const { decideChange } = await import('@/lib/enrollments/decide-change');
    const m = await disabledMember();
    const id = await acceptAndVerify(m, 'dis_care', { validUntil: '2017-06-30' });
    const { enrollmentId } = await decideSubsidyApplication(staff.supervisor, { applicationId: id, version: 2, decision: 'approve' }, DECIDE);
    // A fixed amount is not recomputed.
    await expect(proposeChange(staff.caseworker, { enrollmentId: enrollmentId!, version: 1, kind: 'recompute', effectiveMonth: '2017-05', reason: '重新核定金额' })).rejects.toMatchObject({ code: 'precondition' });
    const change = await proposeChange(staff.caseworker, { enrollmentId: enrollmentId!, version: 1, kind: 'terminate', effectiveMonth: '2017-07', reason: '残疾人证已过期未换证', hearingNote: '已电话告知本人', reasonCode: 'other' });
    await decideChange(staff.supervisor2, { changeId: change.id, decision: 'approve' });
    const [e] = await db.select().from(enrollments).where(eq(enrollments.id, enrollmentId!));
    // Stopped from July: June is the last month paid.
    expect(e).toMatchObject({ endMonth: '2017-06', endReasonCode: 'other' });
    expect(e!.status).toBe('terminated');
    expect(await openEnrollments(m.memberId, 'dis_care')).toEqual([]);
    await acceptSubsidyApplication(staff.caseworker, { memberId: m.memberId, program: 'dis_care', acceptedOn: '2017-03-06', needsLongTermCare: true }, ACCEPT);
  });

  it('imports the federation roster with its history, checked whole: one bad row and nothing is written', async () => {
    const { importSubsidyRoster } = await import('@/lib/subsidies/import-roster');
    const a = await disabledMember({ kind: '肢体', grade: 1 });
    const b = await disabledMember({ kind: '智力', grade: 2 });
    const [ma] = await db.select().from(members).where(eq(members.id, a.memberId));
    const [mb] = await db.select().from(members).where(eq(members.id, b.memberId));
    const header = '身份证号,姓名,补贴类别,残疾人证号,残疾类别,残疾等级,有效期至,起始月份,终止月份,月金额';
    const good = [
      `${ma!.idNumber},${ma!.name},重度残疾人护理补贴,${ma!.idNumber}41,肢体,1,2021-12-31,2016-01,,50`,
      `${ma!.idNumber},${ma!.name},重度残疾人护理补贴,${ma!.idNumber}41,肢体,1,2021-12-31,2018-01,,60.50`,
      `${mb!.idNumber},${mb!.name},护理补贴,${mb!.idNumber}52,智力,2,2019-12-31,2017-01,2018-12,50`,
    ];
    const bad = await importSubsidyRoster(staff.supervisor, [header, ...good, `${mb!.idNumber},别人,生活补贴,${mb!.idNumber}52,智力,2,2019-12-31,2017-01,,50`].join('\n'));
    expect(bad).toEqual({ ok: false, errors: [{ row: 5, column: '姓名', message: `姓名与户籍登记（${mb!.name}）不一致` }] });
    expect(await openEnrollments(a.memberId, 'dis_care')).toEqual([]);
    // Outside the region: the same file reads as people not registered.
    const outside = await importSubsidyRoster(await signedIn('supervisor'), [header, ...good].join('\n'));
    expect(outside.ok).toBe(false);

    expect(await importSubsidyRoster(staff.supervisor, [header, ...good].join('\n'))).toEqual({ ok: true, enrollments: 2, periods: 3 });
    const [ea] = await openEnrollments(a.memberId, 'dis_care');
    expect(ea).toMatchObject({ status: 'active', startMonth: '2016-01', nextReviewOn: '2021-12-31' });
    const amounts = await db.execute(sql`select effective_month, amount_fen::int as amount_fen from enrollment_amounts where enrollment_id = ${ea!.id} order by effective_month`);
    expect((Array.isArray(amounts) ? amounts : (amounts as unknown as { rows: unknown[] }).rows)).toEqual([{ effective_month: '2016-01', amount_fen: 5_000 }, { effective_month: '2018-01', amount_fen: 6_050 }]);
    const [eb] = await db.select().from(enrollments).where(and(eq(enrollments.memberId, b.memberId), eq(enrollments.program, 'dis_care')));
    expect(eb).toMatchObject({ status: 'terminated', endMonth: '2018-12' });
    // A second import of the same people is refused whole.
    const again = await importSubsidyRoster(staff.supervisor, [header, good[0]].join('\n'));
    expect(again).toEqual({ ok: false, errors: [{ row: 2, column: '补贴类别', message: '该成员已在享受（或待确认）这项补贴' }] });
  });
});
