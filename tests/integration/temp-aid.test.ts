import { and, eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, fundLedger, households, reserveFunds, tempAidCases, tempAidPayments } from '@/db/schema';
import { todayInChina } from '@/lib/core/time';
import type { SessionUser } from '@/lib/auth/types';
import { loadCalendar } from '@/lib/policy/calendar';
import { addDays } from '@/lib/core/calendar-date';
import { submitAccount } from '@/lib/temp-aid/case-steps';
import { completeCase } from '@/lib/temp-aid/complete-case';
import { exportCases } from '@/lib/temp-aid/export';
import { listFunds } from '@/lib/temp-aid/fund-queries';
import { moveFunds } from '@/lib/temp-aid/move-funds';
import { payApproved } from '@/lib/temp-aid/pay-approved';
import { payFirstResponse } from '@/lib/temp-aid/pay-first-response';
import { getCase, listCases, listHouseholdAid, paidTotals } from '@/lib/temp-aid/queries';
import { recordRecovery } from '@/lib/temp-aid/record-recovery';
import { completionDeadline } from '@/lib/temp-aid/rules';
import { firstResponseSchema } from '@/lib/temp-aid/schemas';
import { caseBreakdown } from '@/lib/temp-aid/stats';
import { appDb, insertHousehold, ownerDb, randomIdNumber, signedIn } from './support/app';
import { KANGCHENG, balanceOf, firstResponse, refusal } from './support/temp-aid';

let caseworker: SessionUser;
let supervisor: SessionUser;
let caseworker2: SessionUser;
let auditor: SessionUser;
const today = todayInChina();

beforeAll(async () => {
  [caseworker, supervisor, caseworker2, auditor] = await Promise.all([signedIn('caseworker'), signedIn('supervisor'), signedIn('caseworker2'), signedIn('auditor')]);
  // Enough in 康城镇's fund for every payment in this file, whatever ran before.
  await moveFunds(supervisor, { townshipCode: KANGCHENG, kind: 'top_up', amount: 10_000_000, note: '测试补充' });
});

/** Pays a first response and brings it to the point where a supervisor may complete it. */
async function paidWithAccount(householdId: string, amountFen = 500_000) {
  const paid = await payFirstResponse(caseworker, firstResponse(householdId, { amountFen }));
  const account = await submitAccount(caseworker, { caseId: paid.id, version: 1, account: '经入户核实，户主工伤致瘫，家庭无收入', documents: ['医院诊断证明', '领款收据'] });
  return { ...paid, version: account.aidCase.version };
}

describe('先行救助 from the township reserve fund', () => {
  it('pays 5,000 yuan at once: the fund drops by exactly that, with a ledger line, a payment, a case awaiting completion by a working-day deadline, and a line on the household timeline', async () => {
    const db = await appDb();
    const householdId = await insertHousehold(db, { headName: '穆测试' });
    const before = (await balanceOf(KANGCHENG))!;
    const paid = await payFirstResponse(caseworker, firstResponse(householdId, { amountFen: 500_000 }));

    expect(await balanceOf(KANGCHENG)).toBe(before - 500_000);
    expect(paid.balanceAfterFen).toBe(before - 500_000);
    const [line] = await db.select().from(fundLedger).where(eq(fundLedger.caseId, paid.id));
    expect(line).toMatchObject({ kind: 'draw', amountFen: 500_000, balanceAfterFen: before - 500_000, actorId: caseworker.id });
    const [payment] = await db.select().from(tempAidPayments).where(eq(tempAidPayments.caseId, paid.id));
    expect(payment).toMatchObject({ status: 'paid', purpose: 'first_response', amountFen: 500_000, method: 'cash', ledgerId: line!.id, month: today.slice(0, 7) });

    const cal = await loadCalendar(db, today, addDays(today, 120));
    const c = await getCase(supervisor, paid.id);
    expect(c).toMatchObject({ state: 'paid_awaiting_completion', paidFen: 500_000, deadlineOn: completionDeadline(today, 10, cal), overdue: false });
    const awaiting = await listCases(supervisor, { state: 'paid_awaiting_completion' });
    expect(awaiting.map((r) => r.id)).toContain(paid.id);

    const timeline = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'household'), eq(auditLog.entityId, householdId)));
    expect(timeline.map((t) => t.action)).toEqual(['tempaid.first_response']);
    expect((await listHouseholdAid(caseworker, householdId)).map((r) => r.id)).toEqual([paid.id]);
  });

  it('refuses an amount above the cap with the limit that applies, and draws nothing', async () => {
    const db = await appDb();
    const householdId = await insertHousehold(db);
    const before = await balanceOf(KANGCHENG);
    const e = await refusal(payFirstResponse(caseworker, firstResponse(householdId, { amountFen: 500_001 })));
    expect(e.fieldErrors.amount).toBe('先行救助金额不能超过 ¥5,000.00（先行救助上限）');
    expect(await balanceOf(KANGCHENG)).toBe(before);
    expect(await db.select().from(tempAidCases).where(eq(tempAidCases.householdId, householdId))).toEqual([]);
  });

  it('parses typed yuan into positive fen and refuses zero, and asks for a receipt number for cash', () => {
    const ok = firstResponseSchema.safeParse({ householdId: '00000000-0000-4000-8000-000000000000', cause: 'fire', narrative: '房屋失火', amount: '5,000.00', method: 'bank', payeeName: '穆小军' });
    expect(ok.success && ok.data.amountFen).toBe(500_000);
    const zero = firstResponseSchema.safeParse({ householdId: '00000000-0000-4000-8000-000000000000', cause: 'fire', narrative: '房屋失火', amount: '0', method: 'cash', payeeName: '穆小军' });
    expect(zero.success).toBe(false);
    expect(zero.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['amount', '救助金额须大于 0'],
      ['receiptNo', '现金发放须填写收据编号'],
    ]);
  });

  it('registers a new household on the spot and pays it in the same transaction; a refused payment registers nobody', async () => {
    const db = await appDb();
    const idNumber = randomIdNumber();
    const raw = {
      cause: 'fire', narrative: '夜间房屋失火，衣物口粮烧毁', method: 'cash', payeeName: '现场户', receiptNo: 'KC-NEW-1',
      villageCode: '141130101200', address: '康城村 先行救助 17 号', kind: 'rural',
      members: [{ name: '现场户', idNumber, relation: '本人', workingCapacity: 'full' }],
    };
    const tooMuch = firstResponseSchema.parse({ ...raw, amount: '6000' });
    await refusal(payFirstResponse(caseworker, tooMuch));
    expect(await db.select().from(households).where(eq(households.address, '康城村 先行救助 17 号'))).toEqual([]);

    const paid = await payFirstResponse(caseworker, firstResponseSchema.parse({ ...raw, amount: '3000' }));
    const [h] = await db.select().from(households).where(eq(households.id, paid.householdId));
    expect(h).toMatchObject({ address: '康城村 先行救助 17 号', townshipCode: KANGCHENG });
    const timeline = await db.select({ action: auditLog.action }).from(auditLog).where(and(eq(auditLog.entity, 'household'), eq(auditLog.entityId, h!.id)));
    expect(timeline.map((t) => t.action).sort()).toEqual(['household.register', 'tempaid.first_response']);
  });

  it('flags a second payment for the same cause in the same year and asks for a written justification', async () => {
    const db = await appDb();
    const householdId = await insertHousehold(db);
    await payFirstResponse(caseworker, firstResponse(householdId, { cause: 'fire', amountFen: 100_000 }));
    const e = await refusal(payFirstResponse(caseworker, firstResponse(householdId, { cause: 'fire', amountFen: 50_000 })));
    expect(e.fieldErrors.sameCauseNote).toMatch(/^该户 \d{4} 年已因“火灾”获得临时救助（.* ¥1,000.00），再次救助须写明理由$/);
    const other = await payFirstResponse(caseworker, firstResponse(householdId, { cause: 'traffic_accident', amountFen: 50_000 }));
    expect((await getCase(caseworker, other.id))?.sameCauseFlag).toBe(false);
    const again = await payFirstResponse(caseworker, firstResponse(householdId, { cause: 'fire', amountFen: 50_000, sameCauseNote: '房屋再次失火，另行核实' }));
    expect(await getCase(caseworker, again.id)).toMatchObject({ sameCauseFlag: true, sameCauseNote: '房屋再次失火，另行核实' });
  });
});

describe('completion by the county (maker–checker)', () => {
  it('waits for the written account, refuses a supervisor who wrote it, and is completed by one who did not', async () => {
    const db = await appDb();
    const householdId = await insertHousehold(db);
    const paid = await payFirstResponse(caseworker, firstResponse(householdId, { amountFen: 200_000 }));
    const early = await refusal(completeCase(supervisor, { caseId: paid.id, version: 1, outcome: 'confirmed', note: '情况属实' }));
    expect(early.fieldErrors.outcome).toBe('经办人尚未提交情况说明和材料，暂不能办结');

    // A supervisor who wrote the account himself is no longer independent of the case.
    const written = await submitAccount(supervisor, { caseId: paid.id, version: 1, account: '县级代为撰写情况说明', documents: ['诊断证明'] });
    const own = await refusal(completeCase(supervisor, { caseId: paid.id, version: written.aidCase.version, outcome: 'confirmed', note: '情况属实' }));
    expect(own.fieldErrors.outcome).toBe('发放先行救助或撰写情况说明的人不能办结同一案件');
    // The payer cannot complete at all: caseworkers have no completion right (answers "not found").
    expect((await refusal(completeCase(caseworker, { caseId: paid.id, version: written.aidCase.version, outcome: 'confirmed', note: '情况属实' }))).code).toBe('not_found');

    const redone = await submitAccount(caseworker, { caseId: paid.id, version: written.aidCase.version, account: '经入户核实情况属实', documents: ['诊断证明', '收据'] });
    const done = await completeCase(supervisor, { caseId: paid.id, version: redone.aidCase.version, outcome: 'confirmed', note: '材料齐全，情况属实' });
    expect(done.aidCase).toMatchObject({ state: 'completed', completedBy: supervisor.id });
    // A stale form (the old version) changes nothing.
    expect((await refusal(completeCase(supervisor, { caseId: paid.id, version: redone.aidCase.version, outcome: 'improper', note: '重复提交' }))).code).toBe('conflict');
  });

  it('pays a follow-up the supervisor approved (一事一议 above the normal cap) from the fund, by a caseworker', async () => {
    const db = await appDb();
    const householdId = await insertHousehold(db);
    const c = await paidWithAccount(householdId, 500_000);
    const noNote = await refusal(completeCase(supervisor, { caseId: c.id, version: c.version, outcome: 'confirmed', note: '情况属实', followUp: 100_000, method: 'cash', payeeName: '测试户主' }));
    expect(noNote.fieldErrors.oneCaseNote).toBe('合计金额超过一般救助上限，须按一事一议写明理由');
    const tooMuch = await refusal(
      completeCase(supervisor, { caseId: c.id, version: c.version, outcome: 'confirmed', note: '情况属实', followUp: 1_600_000, method: 'cash', payeeName: '测试户主', oneCaseNote: '伤情严重' }),
    );
    expect(tooMuch.fieldErrors.followUp).toBe('连同已发放的先行救助合计 ¥21,000.00：超过 ¥20,000.00 须报市级一事一议决定，县级审批上限为 ¥20,000.00');

    await completeCase(supervisor, { caseId: c.id, version: c.version, outcome: 'confirmed', note: '情况属实', followUp: 100_000, method: 'cash', payeeName: '测试户主', oneCaseNote: '伤情严重，后续治疗费用大' });
    const [due] = await db.select().from(tempAidPayments).where(and(eq(tempAidPayments.caseId, c.id), eq(tempAidPayments.purpose, 'follow_up')));
    expect(due).toMatchObject({ status: 'approved', approvedBy: supervisor.id, ledgerId: null });

    const before = (await balanceOf(KANGCHENG))!;
    expect((await refusal(payApproved(caseworker, { paymentId: due!.id }))).fieldErrors.receiptNo).toBe('现金发放须填写收据编号');
    await payApproved(caseworker, { paymentId: due!.id, receiptNo: 'KC-FU-1' });
    expect(await balanceOf(KANGCHENG)).toBe(before - 100_000);
    expect(await getCase(supervisor, c.id)).toMatchObject({ state: 'completed', paidFen: 600_000, followUpFen: 100_000 });
    // Paid once only.
    expect((await refusal(payApproved(caseworker, { paymentId: due!.id, receiptNo: 'KC-FU-2' }))).code).toBe('conflict');
    expect(await balanceOf(KANGCHENG)).toBe(before - 100_000);
  });

  it('sends an improper payment to recovery, and the recovered money back into the fund', async () => {
    const db = await appDb();
    const householdId = await insertHousehold(db);
    const c = await paidWithAccount(householdId, 300_000);
    const improper = await completeCase(supervisor, { caseId: c.id, version: c.version, outcome: 'improper', note: '核实不属急难情形' });
    expect(improper.aidCase).toMatchObject({ state: 'improper_recovery', recoveryDueFen: 300_000 });
    const before = (await balanceOf(KANGCHENG))!;
    const over = await refusal(recordRecovery(caseworker, { caseId: c.id, version: improper.aidCase.version, amount: 300_001, note: '收据 R-1' }));
    expect(over.fieldErrors.amount).toBe('尚待追回 ¥3,000.00，追回金额不能超过它');
    const part = await recordRecovery(caseworker, { caseId: c.id, version: improper.aidCase.version, amount: 100_000, note: '收据 R-1' });
    const rest = await recordRecovery(caseworker, { caseId: c.id, version: part.aidCase.version, amount: 200_000, note: '收据 R-2' });
    expect(rest.aidCase).toMatchObject({ state: 'recovered', recoveredFen: 300_000 });
    expect(await balanceOf(KANGCHENG)).toBe(before + 300_000);
    const lines = await db.select().from(fundLedger).where(and(eq(fundLedger.caseId, c.id), eq(fundLedger.kind, 'recovery')));
    expect(lines.map((l) => l.amountFen)).toEqual([100_000, 200_000]);
  });
});

describe('overdue first responses (the clock is injected)', () => {
  it('lists a case as overdue for the county and the city once the clock passes its deadline, and no longer once completed', async () => {
    const db = await appDb();
    const householdId = await insertHousehold(db);
    const c = await paidWithAccount(householdId, 100_000);
    const { deadlineOn } = (await getCase(supervisor, c.id))!;
    const onDeadline = new Date(`${deadlineOn}T12:00:00+08:00`);
    const dayAfter = new Date(`${addDays(deadlineOn!, 1)}T09:00:00+08:00`);
    const overdueIds = async (user: SessionUser, now: Date) => (await listCases(user, { overdue: true }, now)).map((r) => r.id);

    expect(await overdueIds(supervisor, onDeadline)).not.toContain(c.id);
    expect(await overdueIds(supervisor, dayAfter)).toContain(c.id);
    expect(await overdueIds(auditor, dayAfter)).toContain(c.id);
    expect(await overdueIds(caseworker2, dayAfter)).not.toContain(c.id);
    expect((await getCase(supervisor, c.id, dayAfter))?.overdue).toBe(true);

    await completeCase(supervisor, { caseId: c.id, version: c.version, outcome: 'confirmed', note: '补齐材料后办结' }, dayAfter);
    expect(await overdueIds(supervisor, dayAfter)).not.toContain(c.id);
  });
});

describe('region scoping', () => {
  it('keeps other counties’ households, cases and funds out of reach, and auditors read-only', async () => {
    const db = await appDb();
    const householdId = await insertHousehold(db);
    const paid = await payFirstResponse(caseworker, firstResponse(householdId, { amountFen: 10_000 }));

    expect((await refusal(payFirstResponse(caseworker2, firstResponse(householdId)))).code).toBe('not_found');
    expect(await getCase(caseworker2, paid.id)).toBeNull();
    expect((await listCases(caseworker2)).map((r) => r.id)).not.toContain(paid.id);
    expect(await listHouseholdAid(caseworker2, householdId)).toEqual([]);
    expect((await refusal(submitAccount(caseworker2, { caseId: paid.id, version: 1, account: '越权提交说明', documents: ['x'] }))).code).toBe('not_found');
    expect((await listFunds(caseworker2)).map((f) => f.townshipCode)).toEqual(['141128102']);
    expect((await listFunds(supervisor)).map((f) => f.townshipCode)).not.toContain('141128102');
    const wrongCounty = await refusal(moveFunds(supervisor, { townshipCode: '141128102', kind: 'top_up', amount: 100, note: '越权拨付' }));
    expect(wrongCounty.fieldErrors.townshipCode).toBe('请选择您管辖范围内的乡镇');

    expect(await getCase(auditor, paid.id)).toMatchObject({ id: paid.id });
    expect((await refusal(payFirstResponse(auditor, firstResponse(householdId)))).code).toBe('not_found');
    expect((await refusal(moveFunds(auditor, { townshipCode: KANGCHENG, kind: 'top_up', amount: 100, note: '监督不能拨付' }))).code).toBe('not_found');
    expect((await refusal(moveFunds(caseworker, { townshipCode: KANGCHENG, kind: 'top_up', amount: 100, note: '经办人不能拨付' }))).code).toBe('not_found');
  });

  it('counts the year by state, cause and township, and totals what was paid this month and this year', async () => {
    const db = await appDb();
    const year = Number(today.slice(0, 4));
    const [totals0, stats0] = await Promise.all([paidTotals(supervisor), caseBreakdown(supervisor, year)]);
    await payFirstResponse(caseworker, firstResponse(await insertHousehold(db), { cause: 'natural_disaster', amountFen: 12_345 }));
    const [totals1, stats1] = await Promise.all([paidTotals(supervisor), caseBreakdown(supervisor, year)]);
    expect(totals1.monthFen - totals0.monthFen).toBe(12_345);
    expect(totals1.yearCount - totals0.yearCount).toBe(1);
    const cause = (s: typeof stats0) => s.byCause.find((r) => r.cause === 'natural_disaster') ?? { cases: 0, paidFen: 0 };
    expect(cause(stats1).cases - cause(stats0).cases).toBe(1);
    expect(cause(stats1).paidFen - cause(stats0).paidFen).toBe(12_345);
    const kangcheng = (s: typeof stats0) => s.byTownship.find((r) => r.code === KANGCHENG) ?? { awaiting: 0, name: '' };
    expect(kangcheng(stats1)).toMatchObject({ name: '康城镇', awaiting: kangcheng(stats0).awaiting + 1 });
    const awaiting = (s: typeof stats0) => s.byState.find((r) => r.state === 'paid_awaiting_completion')?.cases ?? 0;
    expect(awaiting(stats1) - awaiting(stats0)).toBe(1);
    // Another county's caseworker sees none of it.
    expect((await caseBreakdown(caseworker2, year)).byTownship.map((r) => r.code)).not.toContain(KANGCHENG);
  });

  it('exports the filtered cases as XLSX and audits the export', async () => {
    const db = await appDb();
    const file = await exportCases(supervisor, { kind: 'first_response' });
    expect(file.subarray(0, 2).toString()).toBe('PK');
    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'tempaid.export'), eq(auditLog.actorId, supervisor.id)));
    expect(row?.after).toMatchObject({ filter: { kind: 'first_response' } });
  });
});

describe('the fund ledger', () => {
  it('is append-only at the database, and the balance cannot be set below zero even by hand', async () => {
    const db = await appDb();
    // The app's role may only add to the ledger and read it …
    const denied = { cause: expect.objectContaining({ message: expect.stringMatching(/permission denied for table fund_ledger/) }) };
    await expect(db.update(fundLedger).set({ note: 'rewritten' }).where(sql`true`)).rejects.toMatchObject(denied);
    await expect(db.delete(fundLedger).where(sql`true`)).rejects.toMatchObject(denied);
    // … and the owner, every row on purpose (where true), meets the trigger.
    const owner = await ownerDb();
    const refused = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(owner.update(fundLedger).set({ note: 'rewritten' }).where(sql`true`)).rejects.toMatchObject(refused);
    await expect(owner.delete(fundLedger).where(sql`true`)).rejects.toMatchObject(refused);
    await expect(owner.execute(sql`truncate fund_ledger cascade`)).rejects.toMatchObject(refused);
    await expect(db.update(reserveFunds).set({ balanceFen: -1 }).where(eq(reserveFunds.townshipCode, KANGCHENG))).rejects.toMatchObject({
      cause: expect.objectContaining({ constraint_name: 'reserve_funds_balance_not_negative' }),
    });
  });
});
