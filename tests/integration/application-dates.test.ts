import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applications, auditLog, lateEntries } from '@/db/schema';
import { createApplication } from '@/lib/applications/create-application';
import { decideApplication } from '@/lib/applications/decide';
import { recordInvestigation } from '@/lib/applications/investigate';
import { getApplication } from '@/lib/applications/queries';
import { acceptApplication, recordTownshipOpinion, startPublicNotice } from '@/lib/applications/steps';
import { addDays } from '@/lib/core/calendar-date';
import { todayInChina } from '@/lib/core/time';
import { appDb, insertHousehold, signedIn } from './support/app';
import { refusal } from './support/temp-aid';

// Clock-independent: each verb is given the moment it is entered (November 2026, a month
// without holidays in the test calendar; policy.test.ts only sets days in October).
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const investigation = { investigator1: '王晓梅', investigator2: '刘建华', findings: '户主瘫痪在床，无劳动收入' };

async function registered(day: string) {
  const db = await appDb();
  const caseworker = await signedIn('caseworker');
  const householdId = await insertHousehold(db);
  const { id } = await createApplication(caseworker, { householdId, kind: 'dibao_household', closeRelative: false }, at(day));
  return { id, caseworker, db };
}

const entriesOf = async (id: string) => (await appDb()).select().from(lateEntries).where(and(eq(lateEntries.entityKind, 'application'), eq(lateEntries.entityId, id)));

describe('step dates of a dibao application', () => {
  it('refuses a 受理 dated before the application was registered (seen: 受理 2026-11-19 for an application registered 2026-12-01)', async () => {
    const db = await appDb();
    const caseworker = await signedIn('caseworker');
    const householdId = await insertHousehold(db);
    const { id } = await createApplication(caseworker, { householdId, kind: 'dibao_household', closeRelative: false });
    const registeredOn = todayInChina();
    await expect(acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: addDays(registeredOn, -12), missingDocuments: [] })).rejects.toMatchObject({
      code: 'invalid_input',
      fieldErrors: { acceptedOn: `日期不能早于申请登记日（${registeredOn}）` },
    });
    // Positive control: the registration day itself is accepted.
    await expect(acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: registeredOn, missingDocuments: [] })).resolves.toMatchObject({ application: { state: 'accepted' } });
  });

  it('refuses a date in the future and one before the step it follows, naming that step', async () => {
    const { id, caseworker } = await registered('2026-11-02');
    expect((await refusal(acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: '2026-11-05', missingDocuments: [] }, at('2026-11-04')))).fieldErrors).toEqual({
      acceptedOn: '日期不能晚于今天',
    });
    await acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: '2026-11-04', missingDocuments: [] }, at('2026-11-04'));
    expect((await refusal(recordInvestigation(caseworker, { applicationId: id, version: 2, ...investigation, investigatedOn: '2026-11-03' }, at('2026-11-05')))).fieldErrors).toEqual({
      investigatedOn: '日期不能早于受理日（2026-11-04）',
    });
    await recordInvestigation(caseworker, { applicationId: id, version: 2, ...investigation, investigatedOn: '2026-11-05' }, at('2026-11-05'));
    expect((await refusal(recordTownshipOpinion(caseworker, { applicationId: id, version: 3, opinion: '同意上报', reviewedOn: '2026-11-04' }, at('2026-11-06')))).fieldErrors).toEqual({
      reviewedOn: '日期不能早于入户调查日（2026-11-05）',
    });
    await recordTownshipOpinion(caseworker, { applicationId: id, version: 3, opinion: '同意上报', reviewedOn: '2026-11-06' }, at('2026-11-06'));
    expect((await refusal(startPublicNotice(caseworker, { applicationId: id, version: 4, noticeStart: '2026-11-05' }, at('2026-11-06')))).fieldErrors).toEqual({
      noticeStart: '日期不能早于乡镇审核日（2026-11-06）',
    });
    expect(await entriesOf(id)).toHaveLength(0); // every step was entered in time
  });

  it('flags a late 受理 (补录), wants its reason, stores and audits it, shows it, and has the supervisor acknowledge it at the decision', async () => {
    const { id, caseworker, db } = await registered('2026-11-02');
    const supervisor = await signedIn('supervisor');
    // 受理 on Monday 2 November, entered Thursday 12 November: 8 working days later.
    const accept = { applicationId: id, version: 1, acceptedOn: '2026-11-02', missingDocuments: [] };
    expect((await refusal(acceptApplication(caseworker, accept, at('2026-11-12')))).fieldErrors).toEqual({
      lateReason: '该环节日期早于录入日 8 个工作日，属于补录，请写明补录原因（至少 4 个字）',
    });
    expect(await entriesOf(id)).toHaveLength(0);
    expect((await db.select().from(applications).where(eq(applications.id, id)))[0]?.state).toBe('draft');
    // (Entered on Thursday 5 November it would be 3 working days late, in time: see the next test.)
    await acceptApplication(caseworker, { ...accept, lateReason: '纸质受理单当日已签收，系统停机后补录' }, at('2026-11-12'));

    const [entry] = await entriesOf(id);
    expect(entry).toMatchObject({
      step: 'accept',
      statedOn: '2026-11-02',
      recordedOn: '2026-11-12',
      workingDaysLate: 8,
      thresholdWorkingDays: 3,
      reason: '纸质受理单当日已签收，系统停机后补录',
      recordedBy: caseworker.id,
      countyCode: '141130',
      townshipCode: '141130101',
      acknowledgedBy: null,
    });
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'late_entry'), eq(auditLog.entityId, entry!.id)));
    expect(audit).toMatchObject([{ action: 'late_entry.record', actorId: caseworker.id, reason: '纸质受理单当日已签收，系统停机后补录' }]);

    await recordInvestigation(caseworker, { applicationId: id, version: 2, ...investigation, investigatedOn: '2026-11-12' }, at('2026-11-12'));
    await recordTownshipOpinion(caseworker, { applicationId: id, version: 3, opinion: '同意上报', reviewedOn: '2026-11-12' }, at('2026-11-12'));
    await startPublicNotice(caseworker, { applicationId: id, version: 4, noticeStart: '2026-11-13' }, at('2026-11-13'));

    const page = await getApplication(supervisor, id);
    expect(page?.lateEntries).toMatchObject([{ step: 'accept', workingDaysLate: 8, recorderName: '王晓梅', acknowledgedAt: null }]);

    const decision = { applicationId: id, version: 5, decision: 'approve' as const };
    expect((await refusal(decideApplication(supervisor, decision, at('2026-11-23')))).fieldErrors).toEqual({
      lateAcknowledged: '该案件有 1 个补录环节，请逐项核实后勾选“已核实补录情况”',
    });
    expect((await getApplication(supervisor, id))?.state).toBe('in_public_notice');
    await decideApplication(supervisor, { ...decision, lateAcknowledged: true }, at('2026-11-23'));
    expect((await getApplication(supervisor, id))?.state).toBe('approved');
    expect((await entriesOf(id))[0]).toMatchObject({ acknowledgedBy: supervisor.id, acknowledgedAt: at('2026-11-23') });
    expect(await db.select().from(auditLog).where(and(eq(auditLog.action, 'late_entry.acknowledge'), eq(auditLog.entityId, id)))).toHaveLength(1);

    // The database keeps the entry as written: only that one acknowledgment was allowed.
    await expect(db.update(lateEntries).set({ reason: '改写的原因' }).where(eq(lateEntries.id, entry!.id))).rejects.toThrow();
    await expect(db.delete(lateEntries).where(eq(lateEntries.id, entry!.id))).rejects.toThrow();
  });

  it('takes a step entered 3 working days after its date as in time', async () => {
    const { id, caseworker } = await registered('2026-11-02');
    await acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: '2026-11-02', missingDocuments: [] }, at('2026-11-05'));
    expect(await entriesOf(id)).toHaveLength(0);
  });

  it('wants the notice photo or record number for a late 公示, and counts the notice from its stated start', async () => {
    const { id, caseworker } = await registered('2026-11-09');
    const supervisor = await signedIn('supervisor');
    await acceptApplication(caseworker, { applicationId: id, version: 1, acceptedOn: '2026-11-09', missingDocuments: [] }, at('2026-11-09'));
    await recordInvestigation(caseworker, { applicationId: id, version: 2, ...investigation, investigatedOn: '2026-11-10' }, at('2026-11-10'));
    await recordTownshipOpinion(caseworker, { applicationId: id, version: 3, opinion: '同意上报', reviewedOn: '2026-11-11' }, at('2026-11-11'));
    // Posted on Friday 13 November, entered Thursday 19 November: 4 working days later.
    const notice = { applicationId: id, version: 4, noticeStart: '2026-11-13' };
    expect((await refusal(startPublicNotice(caseworker, notice, at('2026-11-19')))).fieldErrors).toEqual({
      lateReason: '该环节日期早于录入日 4 个工作日，属于补录，请写明补录原因（至少 4 个字）',
      noticeEvidence: '公示日期早于录入日 4 个工作日，属于补录：请填写公示照片或记录编号（须含连续 3 位以上字母或数字，如 IMG_0123、KC-2026-015）',
    });
    const reason = { lateReason: '村委会张榜后未及时录入' };
    expect((await refusal(startPublicNotice(caseworker, { ...notice, ...reason, noticeEvidence: '已张贴公示' }, at('2026-11-19')))).fieldErrors).toEqual({
      noticeEvidence: expect.stringContaining('公示照片或记录编号'),
    });
    const started = await startPublicNotice(caseworker, { ...notice, ...reason, noticeEvidence: '公示记录 KC-2026-015' }, at('2026-11-19'));
    // 7 days from the posting on the 13th, not from the day it was entered.
    expect(started.application).toMatchObject({ noticeStart: '2026-11-13', noticeEnd: '2026-11-20' });
    expect(await entriesOf(id)).toMatchObject([{ step: 'public_notice', statedOn: '2026-11-13', workingDaysLate: 4, evidenceRef: '公示记录 KC-2026-015' }]);
    expect((await refusal(decideApplication(supervisor, { applicationId: id, version: 5, decision: 'approve', lateAcknowledged: true }, at('2026-11-20')))).fieldErrors).toEqual({
      decision: '公示期至 2026-11-20，期满后方可审批',
    });
    await expect(decideApplication(supervisor, { applicationId: id, version: 5, decision: 'refuse', reason: '家庭有机动车辆', lateAcknowledged: true }, at('2026-11-23'))).resolves.toMatchObject({
      application: { state: 'refused' },
    });
  });
});
