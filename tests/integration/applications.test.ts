import fs from 'node:fs';
import path from 'node:path';
import { and, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { enrollmentAmounts, enrollmentMembers, enrollments, members } from '@/db/schema';
import { confirmSubsidy } from '@/lib/enrollments/confirm-subsidy';
import { createApplication } from '@/lib/applications/create-application';
import { todayInChina } from '@/lib/core/time';
import { decideApplication } from '@/lib/applications/decide';
import { recordInvestigation } from '@/lib/applications/investigate';
import { getApplication } from '@/lib/applications/queries';
import { acceptApplication, recordObjection, recordTownshipOpinion, startPublicNotice } from '@/lib/applications/steps';
import type { SessionUser } from '@/lib/auth/types';
import { registerHousehold } from '@/lib/households/register-household';
import { householdInputSchema } from '@/lib/households/schemas';
import { addDays, addMonthsToMonth } from '@/lib/core/calendar-date';
import { appDb, randomIdNumber, signedIn, passwordChosen } from './support/app';

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/mu-xiaojun.json'), 'utf8'));
const today = todayInChina();
const day = (n: number) => addDays(today, -n);
/** The moment of a day n days ago: each step is entered on its own day, so none is a late entry (补录). */
const on = (n: number) => new Date(`${day(n)}T10:00:00+08:00`);

async function registerReference(ids?: string[]): Promise<string> {
  const db = await appDb();
  const list = fixture.household.members as { name: string; idNumber: string; relation: string; inSchool?: string; disability?: { kind: string; grade: number }; workingCapacity?: string }[];
  if (!ids) await db.update(members).set({ status: 'moved_out' }).where(inArray(members.idNumber, list.map((m) => m.idNumber)));
  const input = householdInputSchema.parse({
    villageCode: '141130101200',
    address: '康城村 18 号',
    kind: 'rural',
    members: list.map((m, i) => ({
      name: m.name,
      idNumber: ids?.[i] ?? m.idNumber,
      relation: m.relation,
      workingCapacity: m.workingCapacity ?? (m.inSchool ? 'none' : 'full'),
      schoolStage: m.inSchool,
      disabilityKind: m.disability?.kind,
      disabilityGrade: m.disability?.grade,
    })),
  });
  return (await registerHousehold(await signedIn('caseworker'), input)).id;
}

/** Takes an application through every caseworker step to the end of its public notice. */
async function throughNotice(caseworker: SessionUser, householdId: string) {
  const { id } = await createApplication(caseworker, { householdId, kind: 'dibao_household', closeRelative: false }, on(21));
  let v = 1;
  await acceptApplication(caseworker, { applicationId: id, version: v++, acceptedOn: day(20), missingDocuments: ['户口簿复印件'] }, on(20));
  await recordInvestigation(caseworker, { applicationId: id, version: v++, investigator1: '王晓梅', investigator2: '刘建华', investigatedOn: day(18), findings: '户主瘫痪在床，无劳动收入' }, on(18));
  await recordTownshipOpinion(caseworker, { applicationId: id, version: v++, opinion: '同意上报', reviewedOn: day(16) }, on(16));
  await startPublicNotice(caseworker, { applicationId: id, version: v++, noticeStart: day(15) }, on(15));
  return { id, version: v };
}

/** A household shaped like the reference case (fresh IDs), approved for dibao. */
async function enrolledHousehold() {
  const householdId = await registerReference(Array.from({ length: 5 }, () => randomIdNumber()));
  const caseworker = await signedIn('caseworker');
  const supervisor = await signedIn('supervisor');
  const { id, version } = await throughNotice(caseworker, householdId);
  await decideApplication(supervisor, { applicationId: id, version, decision: 'approve' });
  return { householdId, caseworker, supervisor };
}

describe('dibao application from intake to enrollment', () => {
  it('computes 2,010 + 442 = 2,452 for the reference household, enrolls it from next month, and proposes both disability subsidies', async () => {
    const householdId = await registerReference();
    const caseworker = await signedIn('caseworker');
    const supervisor = await signedIn('supervisor');
    const { id, version } = await throughNotice(caseworker, householdId);

    const investigated = await getApplication(caseworker, id);
    expect(investigated?.computed).toMatchObject({ totalFen: 245_200, components: { gap: 201_000, classified: 44_200 } });

    await decideApplication(supervisor, { applicationId: id, version, decision: 'approve' });
    const decided = await getApplication(supervisor, id);
    expect(decided).toMatchObject({ state: 'approved', approvedAmountFen: 245_200, startMonth: addMonthsToMonth(today.slice(0, 7), 1), decidedBy: supervisor.id });

    const db = await appDb();
    const rolls = await db.select().from(enrollments).where(eq(enrollments.householdId, householdId));
    const dibao = rolls.find((r) => r.program === 'dibao')!;
    expect(dibao.status).toBe('active');
    const [amount] = await db.select().from(enrollmentAmounts).where(eq(enrollmentAmounts.enrollmentId, dibao.id));
    expect(amount?.amountFen).toBe(245_200);
    expect(await db.select().from(enrollmentMembers).where(eq(enrollmentMembers.enrollmentId, dibao.id))).toHaveLength(5);

    const subsidies = rolls.filter((r) => r.program !== 'dibao');
    expect(subsidies.map((s) => [s.program, s.status]).sort()).toEqual([['dis_care', 'proposed'], ['dis_living', 'proposed']]);
    for (const s of subsidies) await confirmSubsidy(supervisor, { enrollmentId: s.id, version: s.version, confirm: true });
    const after = await db.select().from(enrollments).where(and(eq(enrollments.householdId, householdId), eq(enrollments.status, 'active')));
    expect(after).toHaveLength(3);
  });

  it('never lets the submitter approve, and gives one approval and one refusal to two supervisors at once', async () => {
    const ids = Array.from({ length: 5 }, () => randomIdNumber());
    const householdId = await registerReference(ids);
    const supervisorAsCaseworker = await signedIn('supervisor');
    const { id, version } = await throughNotice(supervisorAsCaseworker, householdId);
    await expect(decideApplication(supervisorAsCaseworker, { applicationId: id, version, decision: 'approve' })).rejects.toMatchObject({
      code: 'same_person',
      fieldErrors: { decision: '提交申请的人不能审批同一申请' },
    });

    const admin = await signedIn('admin');
    const { createUser } = await import('@/lib/users/create-user');
    const names = [`sup-a-${Date.now()}`, `sup-b-${Date.now()}`];
    for (const username of names) await createUser(admin, { username, name: '并发审批', role: 'supervisor', regionCode: '141130', password: 'Jiaokou#2026' });
    for (const username of names) await passwordChosen(username);
    const [a, b] = await Promise.all(names.map((n) => signedIn(n)));
    const results = await Promise.allSettled([
      decideApplication(a!, { applicationId: id, version, decision: 'approve' }),
      decideApplication(b!, { applicationId: id, version, decision: 'approve' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'conflict' });
    const db = await appDb();
    expect(await db.select().from(enrollments).where(and(eq(enrollments.householdId, householdId), eq(enrollments.program, 'dibao')))).toHaveLength(1);
  });

  it('sends the case back on an objection, refuses stale forms, and keeps other counties out', async () => {
    const householdId = await registerReference(Array.from({ length: 5 }, () => randomIdNumber()));
    const caseworker = await signedIn('caseworker');
    const { id, version } = await throughNotice(caseworker, householdId);
    await recordObjection(caseworker, { applicationId: id, version, raisedOn: day(10), content: '群众反映家中有车' }, on(10));
    expect((await getApplication(caseworker, id))?.state).toBe('investigated');
    await expect(startPublicNotice(caseworker, { applicationId: id, version, noticeStart: day(5) })).rejects.toMatchObject({ code: 'conflict' });

    const other = await signedIn('caseworker2');
    expect(await getApplication(other, id)).toBeNull();
    await expect(recordTownshipOpinion(other, { applicationId: id, version: version + 1, opinion: '越权', reviewedOn: day(1) })).rejects.toMatchObject({ code: 'not_found' });
    await expect(createApplication(other, { householdId, kind: 'dibao_household', closeRelative: false })).rejects.toMatchObject({ code: 'not_found' });
  });

  it('does not decide before the public notice ends, nor a close relative without the county visit', async () => {
    const householdId = await registerReference(Array.from({ length: 5 }, () => randomIdNumber()));
    const caseworker = await signedIn('caseworker');
    const supervisor = await signedIn('supervisor');
    const { id } = await createApplication(caseworker, { householdId, kind: 'dibao_household', closeRelative: true, closeRelativeNote: '村主任之弟' }, on(3));
    let v = 1;
    await acceptApplication(caseworker, { applicationId: id, version: v++, acceptedOn: day(3), missingDocuments: [] }, on(3));
    await recordInvestigation(caseworker, { applicationId: id, version: v++, investigator1: '王晓梅', investigator2: '刘建华', investigatedOn: day(2), findings: '情况属实' }, on(2));
    await recordTownshipOpinion(caseworker, { applicationId: id, version: v++, opinion: '同意', reviewedOn: day(1) }, on(1));
    await startPublicNotice(caseworker, { applicationId: id, version: v++, noticeStart: today });
    await expect(decideApplication(supervisor, { applicationId: id, version: v, decision: 'approve' })).rejects.toMatchObject({
      fieldErrors: { decision: expect.stringMatching(/^公示期至 /) },
    });
    const later = new Date(Date.now() + 10 * 86_400_000);
    await expect(decideApplication(supervisor, { applicationId: id, version: v, decision: 'approve' }, later)).rejects.toMatchObject({
      fieldErrors: { decision: expect.stringContaining('入户') },
    });
  });
});

describe('changes to an active enrollment', () => {
  it('recomputes after new income as a change a supervisor approves from a stated month, keeping history', async () => {
    const { incomeItems, enrollmentChanges } = await import('@/db/schema');
    const { proposeChange } = await import('@/lib/enrollments/propose-change');
    const { decideChange } = await import('@/lib/enrollments/decide-change');
    const { householdId, caseworker, supervisor } = await enrolledHousehold();
    const db = await appDb();
    const [dibao] = await db.select().from(enrollments).where(and(eq(enrollments.householdId, householdId), eq(enrollments.program, 'dibao')));
    const month = addMonthsToMonth(today.slice(0, 7), 2);

    // The wife starts earning 600 yuan a month.
    const [wife] = await db.select().from(members).where(and(eq(members.householdId, householdId), eq(members.relation, '配偶')));
    await db.insert(incomeItems).values({ householdId, memberId: wife!.id, kind: 'wages', amountFen: 60_000, fromDate: day(1) });

    const base = { enrollmentId: dibao!.id, version: dibao!.version, kind: 'recompute' as const, effectiveMonth: month, reason: '配偶务工收入' };
    await expect(proposeChange(caseworker, base)).rejects.toMatchObject({ fieldErrors: { hearingNote: expect.stringContaining('告知') } });
    const { id: changeId, amountFen } = await proposeChange(caseworker, { ...base, hearingNote: '已告知户主，无异议' });
    expect(amountFen).toBe(245_200 - 60_000); // 2010 − 600 = 1410 gap + 442 classified
    await expect(decideChange(caseworker, { changeId, decision: 'approve' })).rejects.toMatchObject({ code: 'not_found' }); // caseworkers cannot approve
    await decideChange(supervisor, { changeId, decision: 'approve' });
    const amounts = await db.select().from(enrollmentAmounts).where(eq(enrollmentAmounts.enrollmentId, dibao!.id));
    expect(amounts.map((a) => [a.effectiveMonth, a.amountFen]).sort()).toEqual([[addMonthsToMonth(today.slice(0, 7), 1), 245_200], [month, 185_200]]);
    const [change] = await db.select().from(enrollmentChanges).where(eq(enrollmentChanges.id, changeId));
    expect(change).toMatchObject({ state: 'approved', decidedBy: supervisor.id });
  });

  it('refuses a gradual exit longer than policy allows, and ends coverage on termination', async () => {
    const { proposeChange } = await import('@/lib/enrollments/propose-change');
    const { decideChange } = await import('@/lib/enrollments/decide-change');
    const { householdId, caseworker, supervisor } = await enrolledHousehold();
    const db = await appDb();
    const [dibao] = await db.select().from(enrollments).where(and(eq(enrollments.householdId, householdId), eq(enrollments.program, 'dibao')));
    const month = addMonthsToMonth(today.slice(0, 7), 2);
    const base = { enrollmentId: dibao!.id, version: dibao!.version, kind: 'terminate' as const, effectiveMonth: month, reason: '收入超过标准', reasonCode: 'income_rose' as const, hearingNote: '已告知' };
    await expect(proposeChange(caseworker, { ...base, gradualExitMonths: 7 })).rejects.toMatchObject({ fieldErrors: { gradualExitMonths: expect.any(String) } });
    const { id: changeId } = await proposeChange(caseworker, { ...base, gradualExitMonths: 3 });
    await decideChange(supervisor, { changeId, decision: 'approve' });
    const [after] = await db.select().from(enrollments).where(eq(enrollments.id, dibao!.id));
    expect(after).toMatchObject({ status: 'terminated', endReasonCode: 'income_rose', gradualExitUntil: addMonthsToMonth(month, 2), endMonth: addMonthsToMonth(month, 2) });
    expect(await db.select().from(enrollmentMembers).where(and(eq(enrollmentMembers.enrollmentId, dibao!.id), eq(enrollmentMembers.active, true)))).toHaveLength(0);
  });

  it('puts the enrollment up for review when a covered member dies', async () => {
    const { memberLeaves } = await import('@/lib/households/member-leaves');
    const { households } = await import('@/db/schema');
    const { householdId, caseworker } = await enrolledHousehold();
    const db = await appDb();
    const [h] = await db.select().from(households).where(eq(households.id, householdId));
    const [child] = await db.select().from(members).where(and(eq(members.householdId, householdId), eq(members.relation, '子女')));
    await memberLeaves(caseworker, { householdId, version: h!.version, memberId: child!.id, kind: 'deceased', date: day(0), reason: '病故' });
    const [dibao] = await db.select().from(enrollments).where(and(eq(enrollments.householdId, householdId), eq(enrollments.program, 'dibao')));
    expect(dibao!.nextReviewOn).toBe(day(0));
  });
});

describe('standards rising on a new effective date', () => {
  it('proposes a recomputed amount for every active enrollment of the county whose amount changes', async () => {
    const { proposeRecomputeForCounty } = await import('@/lib/enrollments/propose-recompute-all');
    const { addStandard } = await import('@/lib/policy/add-standard');
    const { enrollmentChanges } = await import('@/db/schema');
    const { householdId, caseworker, supervisor } = await enrolledHousehold();

    const month = addMonthsToMonth(today.slice(0, 7), 3);
    await addStandard(await signedIn('admin'), { key: 'dibao/rural_standard_monthly', regionCode: '141130', effectiveFrom: `${month}-01`, value: '450', note: '交口县新标准' });
    await expect(proposeRecomputeForCounty(caseworker, { countyCode: '141130', effectiveMonth: month, reason: '标准调整' })).rejects.toMatchObject({ code: 'not_found' }); // a township caseworker cannot act for the county
    const result = await proposeRecomputeForCounty(supervisor, { countyCode: '141130', effectiveMonth: month, reason: '交口县 2027 年标准调整' });
    const db = await appDb();
    // Other files' enrollments sit in 交口县 too, so the count is read back: one proposed change
    // per enrollment counted, this household's among them (below).
    const made = await db.select({ id: enrollmentChanges.id }).from(enrollmentChanges).where(and(eq(enrollmentChanges.reason, '交口县 2027 年标准调整'), eq(enrollmentChanges.state, 'proposed')));
    expect(result.proposed).toBe(made.length);
    expect(result.proposed).toBeGreaterThanOrEqual(1);
    const [dibao] = await db.select().from(enrollments).where(and(eq(enrollments.householdId, householdId), eq(enrollments.program, 'dibao')));
    const [change] = await db.select().from(enrollmentChanges).where(eq(enrollmentChanges.enrollmentId, dibao!.id));
    // 450 × 5 = 2,250 gap; 450 × 50% + 3 × 450 × 20% = 225 + 270 = 495 classified
    expect(change).toMatchObject({ kind: 'recompute', effectiveMonth: month, amountFen: 274_500, state: 'proposed' });
  });
});
