import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempAidPayments } from '@/db/schema';
import { todayInChina } from '@/lib/core/time';
import type { SessionUser } from '@/lib/auth/types';
import { addDays } from '@/lib/core/calendar-date';
import { applyForAid } from '@/lib/temp-aid/apply';
import { investigateCase, startCaseNotice } from '@/lib/temp-aid/case-steps';
import { decideCase } from '@/lib/temp-aid/decide-case';
import { payApproved } from '@/lib/temp-aid/pay-approved';
import { getCase, listCases } from '@/lib/temp-aid/queries';
import { appDb, insertHousehold, signedIn } from './support/app';
import { KANGCHENG, balanceOf, refusal } from './support/temp-aid';

let caseworker: SessionUser;
let supervisor: SessionUser;
const today = todayInChina();
const at = (days: number) => new Date(`${addDays(today, days)}T10:00:00+08:00`);

beforeAll(async () => {
  [caseworker, supervisor] = await Promise.all([signedIn('caseworker'), signedIn('supervisor')]);
});

const application = (householdId: string, kind: 'small_fast' | 'expenditure', amount: number, cause: 'sudden_illness' | 'medical' = kind === 'small_fast' ? 'sudden_illness' : 'medical') => ({
  householdId,
  kind,
  cause,
  narrative: '家中突遇困难，基本生活难以为继',
  amount,
  documents: ['申请书'],
});

describe('小额快救', () => {
  it('stays within one month of the standard, is decided within 3 days without an investigation, and is paid from the fund', async () => {
    const db = await appDb();
    const householdId = await insertHousehold(db);
    const over = await refusal(applyForAid(caseworker, application(householdId, 'small_fast', 40_201)));
    expect(over.fieldErrors.amount).toBe('小额快救不能超过 ¥402.00（当地 1 个月低保标准）；金额更大请按支出型临时救助办理');

    const { id } = await applyForAid(caseworker, application(householdId, 'small_fast', 40_000));
    expect(await getCase(supervisor, id)).toMatchObject({ state: 'applied', deadlineOn: addDays(today, 3) });
    const overdue = async (days: number) => (await listCases(supervisor, { overdue: true }, at(days))).map((r) => r.id);
    expect(await overdue(3)).not.toContain(id);
    expect(await overdue(4)).toContain(id);

    const decided = await decideCase(supervisor, { caseId: id, version: 1, decision: 'approve', method: 'cash', payeeName: '测试户主' });
    expect(decided.aidCase).toMatchObject({ state: 'approved', approvedFen: 40_000 });
    const [payment] = await db.select().from(tempAidPayments).where(eq(tempAidPayments.caseId, id));
    const before = (await balanceOf(KANGCHENG))!;
    await payApproved(caseworker, { paymentId: payment!.id, receiptNo: 'KC-SF-1' });
    expect(await balanceOf(KANGCHENG)).toBe(before - 40_000);
    expect(await getCase(caseworker, id)).toMatchObject({ state: 'paid', paidFen: 40_000 });
  });

  it('cannot be decided by the supervisor who entered it', async () => {
    const db = await appDb();
    const { id } = await applyForAid(supervisor, application(await insertHousehold(db), 'small_fast', 20_000));
    const e = await refusal(decideCase(supervisor, { caseId: id, version: 1, decision: 'approve', method: 'cash', payeeName: '测试户主' }));
    expect(e.fieldErrors.decision).toBe('提交申请的人不能审批同一申请');
  });
});

describe('支出型临时救助', () => {
  it('goes through investigation, a public notice above the threshold, and a decision within the supervisor’s authority', async () => {
    const db = await appDb();
    const householdId = await insertHousehold(db);
    const { id } = await applyForAid(caseworker, application(householdId, 'expenditure', 300_000));
    expect((await refusal(decideCase(supervisor, { caseId: id, version: 1, decision: 'refuse', reason: '不符合条件' }))).code).toBe('conflict');

    const inv = await investigateCase(caseworker, { caseId: id, version: 1, investigator1: '王晓梅', investigator2: '刘建华', investigatedOn: today, findings: '住院自付费用 3 万元，家庭无力承担' });
    expect(inv.aidCase).toMatchObject({ state: 'investigated', noticeRequired: true });
    const noNotice = await refusal(decideCase(supervisor, { caseId: id, version: inv.aidCase.version, decision: 'approve', method: 'cash', payeeName: '测试户主' }));
    expect(noNotice.fieldErrors.decision).toBe('该金额须先在村（社区）公示，公示期满后方可审批');

    const notice = await startCaseNotice(caseworker, { caseId: id, version: inv.aidCase.version, noticeStart: today });
    expect(notice.aidCase.noticeEnd).toBe(addDays(today, 5));
    const v = notice.aidCase.version;
    const early = await refusal(decideCase(supervisor, { caseId: id, version: v, decision: 'approve', method: 'cash', payeeName: '测试户主' }, at(5)));
    expect(early.fieldErrors.decision).toBe(`公示期至 ${addDays(today, 5)}，期满后方可审批`);

    const aboveCity = await refusal(decideCase(supervisor, { caseId: id, version: v, decision: 'approve', amount: 2_000_100, method: 'cash', payeeName: '测试户主', oneCaseNote: '重大疾病' }, at(6)));
    expect(aboveCity.fieldErrors.amount).toBe('超过 ¥20,000.00 须报市级一事一议决定，县级审批上限为 ¥20,000.00');
    const noNote = await refusal(decideCase(supervisor, { caseId: id, version: v, decision: 'approve', method: 'cash', payeeName: '测试户主' }, at(6)));
    expect(noNote.fieldErrors.oneCaseNote).toBe('金额超过一般救助上限，须按一事一议写明理由');

    const ok = await decideCase(supervisor, { caseId: id, version: v, decision: 'approve', method: 'bank', payeeName: '测试户主', oneCaseNote: '重大疾病，自付费用远超家庭承受能力' }, at(6));
    expect(ok.aidCase).toMatchObject({ state: 'approved', approvedFen: 300_000, oneCaseNote: '重大疾病，自付费用远超家庭承受能力' });
    // The household has no bank account on file: a transfer cannot be made.
    const [payment] = await db.select().from(tempAidPayments).where(eq(tempAidPayments.caseId, id));
    expect(payment).toMatchObject({ status: 'approved', method: 'bank', month: addDays(today, 6).slice(0, 7) });
    const e = await refusal(payApproved(caseworker, { paymentId: payment!.id }));
    expect(e.fieldErrors.receiptNo).toMatch(/该户未登记发放账户/);
  });

  it('refuses with a written reason, and refuses a cause that is not an expenditure', async () => {
    const db = await appDb();
    const householdId = await insertHousehold(db);
    const { id } = await applyForAid(caseworker, application(householdId, 'expenditure', 50_000));
    const inv = await investigateCase(caseworker, { caseId: id, version: 1, investigator1: '王晓梅', investigator2: '刘建华', investigatedOn: today, findings: '家庭收入可以承担' });
    expect(inv.aidCase.noticeRequired).toBe(false);
    const refused = await decideCase(supervisor, { caseId: id, version: inv.aidCase.version, decision: 'refuse', reason: '家庭有能力承担该项支出' });
    expect(refused.aidCase).toMatchObject({ state: 'refused', decisionNote: '家庭有能力承担该项支出' });
  });
});
