import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fundLedger, lateEntries, tempAidPayments } from '@/db/schema';
import { applyForAid } from '@/lib/temp-aid/apply';
import { investigateCase, startCaseNotice } from '@/lib/temp-aid/case-steps';
import { decideCase } from '@/lib/temp-aid/decide-case';
import { getFund } from '@/lib/temp-aid/fund-queries';
import { moveFunds } from '@/lib/temp-aid/move-funds';
import { payApproved } from '@/lib/temp-aid/pay-approved';
import { appDb, insertHousehold, signedIn } from './support/app';
import { otherTownship, refusal } from './support/temp-aid';

// Clock-independent: every verb is given the moment it is entered, in November 2026.
const at = (day: string) => new Date(`${day}T10:00:00+08:00`);
const investigators = { investigator1: '王晓梅', investigator2: '刘建华', findings: '住院自付费用 3 万元，家庭无力承担' };
const lateOf = async (kind: 'temp_aid_case' | 'reserve_fund', id: string) =>
  (await appDb()).select().from(lateEntries).where(and(eq(lateEntries.entityKind, kind), eq(lateEntries.entityId, id))).orderBy(lateEntries.recordedAt);

describe('dates of a temporary-aid case', () => {
  it('refuses investigation, notice and payment dates in the future or before the step they follow, and wants a reason (and the notice reference) when late', async () => {
    const db = await appDb();
    const [caseworker, supervisor] = await Promise.all([signedIn('caseworker'), signedIn('supervisor')]);
    const householdId = await insertHousehold(db);
    const application = { householdId, kind: 'expenditure' as const, cause: 'medical' as const, narrative: '住院治疗自付费用高', amount: 300_000, documents: ['申请书'] };
    const { id } = await applyForAid(caseworker, application, at('2026-11-02'));

    const inv = { caseId: id, version: 1, ...investigators };
    expect((await refusal(investigateCase(caseworker, { ...inv, investigatedOn: '2026-11-01' }, at('2026-11-03')))).fieldErrors).toEqual({ investigatedOn: '日期不能早于申请日（2026-11-02）' });
    expect((await refusal(investigateCase(caseworker, { ...inv, investigatedOn: '2026-11-04' }, at('2026-11-03')))).fieldErrors).toEqual({ investigatedOn: '日期不能晚于今天' });
    expect((await refusal(investigateCase(caseworker, { ...inv, investigatedOn: '2026-11-02' }, at('2026-11-12')))).fieldErrors).toEqual({
      lateReason: '该环节日期早于录入日 8 个工作日，属于补录，请写明补录原因（至少 4 个字）',
    });
    const investigated = await investigateCase(caseworker, { ...inv, investigatedOn: '2026-11-02', lateReason: '入户调查表当日填写，返乡后补录' }, at('2026-11-12'));

    const notice = { caseId: id, version: investigated.aidCase.version };
    expect((await refusal(startCaseNotice(caseworker, { ...notice, noticeStart: '2026-11-01' }, at('2026-11-12')))).fieldErrors).toEqual({ noticeStart: '日期不能早于入户调查日（2026-11-02）' });
    expect((await refusal(startCaseNotice(caseworker, { ...notice, noticeStart: '2026-11-06', lateReason: '村务公开栏张贴后补录' }, at('2026-11-12')))).fieldErrors).toEqual({
      noticeEvidence: expect.stringContaining('公示日期早于录入日 4 个工作日'),
    });
    const noticed = await startCaseNotice(caseworker, { ...notice, noticeStart: '2026-11-06', lateReason: '村务公开栏张贴后补录', noticeEvidence: 'IMG_0456' }, at('2026-11-12'));
    expect(noticed.aidCase).toMatchObject({ noticeStart: '2026-11-06', noticeEnd: '2026-11-11' });

    const decision = { caseId: id, version: noticed.aidCase.version, decision: 'approve' as const, method: 'cash' as const, payeeName: '测试户主', oneCaseNote: '重大疾病，自付费用远超家庭承受能力' };
    expect((await refusal(decideCase(supervisor, decision, at('2026-11-13')))).fieldErrors).toEqual({ lateAcknowledged: '该案件有 2 个补录环节，请逐项核实后勾选“已核实补录情况”' });
    await decideCase(supervisor, { ...decision, lateAcknowledged: true }, at('2026-11-13'));
    expect((await lateOf('temp_aid_case', id)).map((e) => [e.step, e.acknowledgedBy])).toEqual([
      ['tempaid_investigate', supervisor.id],
      ['tempaid_notice', supervisor.id],
    ]);

    const [payment] = await db.select().from(tempAidPayments).where(eq(tempAidPayments.caseId, id));
    const pay = { paymentId: payment!.id, receiptNo: `SJ-${Date.now()}` };
    expect((await refusal(payApproved(caseworker, { ...pay, paidOn: '2026-11-12' }, at('2026-11-20')))).fieldErrors).toEqual({ paidOn: '日期不能早于批准日（2026-11-13）' });
    expect((await refusal(payApproved(caseworker, { ...pay, paidOn: '2026-11-21' }, at('2026-11-20')))).fieldErrors).toEqual({ paidOn: '日期不能晚于今天' });
    expect((await refusal(payApproved(caseworker, { ...pay, paidOn: '2026-11-13' }, at('2026-11-20')))).fieldErrors).toEqual({
      lateReason: '该环节日期早于录入日 5 个工作日，属于补录，请写明补录原因（至少 4 个字）',
    });
    await payApproved(caseworker, { ...pay, paidOn: '2026-11-13', lateReason: '现金当日发放，凭收据补录' }, at('2026-11-20'));
    const [paid] = await db.select().from(tempAidPayments).where(eq(tempAidPayments.id, payment!.id));
    expect(paid).toMatchObject({ status: 'paid', paidOn: '2026-11-13' });
    const [line] = await db.select().from(fundLedger).where(eq(fundLedger.id, paid!.ledgerId!));
    expect(line?.occurredOn).toBe('2026-11-13');
    expect((await lateOf('temp_aid_case', id)).at(-1)).toMatchObject({ step: 'tempaid_payment', statedOn: '2026-11-13', workingDaysLate: 5, acknowledgedBy: null });
  });
});

describe('dates of reserve-fund movements', () => {
  it('refuses a day in the future or before the fund opened, and keeps a late return with its reason', async () => {
    const supervisor = await signedIn('supervisor');
    const { township } = await otherTownship(5);
    const move = { townshipCode: township, amount: 10_000, note: '交民财〔2026〕12 号' };
    const opened = await moveFunds(supervisor, { ...move, kind: 'allocation', amount: 100_000, movedOn: '2026-11-10' }, at('2026-11-10'));
    expect((await refusal(moveFunds(supervisor, { ...move, kind: 'top_up', movedOn: '2026-11-09' }, at('2026-11-11')))).fieldErrors).toEqual({ movedOn: '日期不能早于该备用金设立日（2026-11-10）' });
    expect((await refusal(moveFunds(supervisor, { ...move, kind: 'top_up', movedOn: '2026-11-12' }, at('2026-11-11')))).fieldErrors).toEqual({ movedOn: '日期不能晚于今天' });
    expect((await refusal(moveFunds(supervisor, { ...move, kind: 'return', movedOn: '2026-11-10' }, at('2026-11-20')))).fieldErrors).toEqual({
      lateReason: '该环节日期早于录入日 8 个工作日，属于补录，请写明补录原因（至少 4 个字）',
    });
    const returned = await moveFunds(supervisor, { ...move, kind: 'return', movedOn: '2026-11-10', lateReason: '上缴凭证迟送县局' }, at('2026-11-20'));
    expect(returned).toMatchObject({ fundId: opened.fundId, balanceAfterFen: 90_000, lateEntry: { workingDaysLate: 8 } });
    const fund = await getFund(supervisor, opened.fundId);
    expect(fund?.ledger.map((l) => [l.kind, l.occurredOn])).toEqual([
      ['return', '2026-11-10'],
      ['allocation', '2026-11-10'],
    ]);
    expect(fund?.lateEntries).toMatchObject([{ step: 'fund_return', statedOn: '2026-11-10', reason: '上缴凭证迟送县局', villageCode: null }]);
  });
});
