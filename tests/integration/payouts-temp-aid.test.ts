// Temporary aid approved for bank transfer and paid through the county's monthly payout run:
// the bank's return file pays it (no township fund money), and the fund can no longer pay it too.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { tempAidCases, tempAidPayments } from '@/db/schema';
import { todayInChina } from '@/lib/core/time';
import { approveRun } from '@/lib/payouts/approve-run';
import { exportBankFile } from '@/lib/payouts/bank-file';
import { importReturn } from '@/lib/payouts/import-return';
import { regenerateRun } from '@/lib/payouts/regenerate-run';
import { startRun } from '@/lib/payouts/start-run';
import { applyForAid } from '@/lib/temp-aid/apply';
import { decideCase } from '@/lib/temp-aid/decide-case';
import { moveFunds } from '@/lib/temp-aid/move-funds';
import { payApproved } from '@/lib/temp-aid/pay-approved';
import { getCase, listHouseholdAid } from '@/lib/temp-aid/queries';
import { appDb } from './support/app';
import { cardNumber, clearCounty, COUNTY, countyStaff, enroll, linesOf, rows, textOf, VILLAGE } from './support/payouts';
import { balanceOf, refusal } from './support/temp-aid';

const TOWNSHIP = VILLAGE.slice(0, 9);
let staff: Awaited<ReturnType<typeof countyStaff>>;
beforeAll(async () => {
  staff = await countyStaff();
  await moveFunds(staff.supervisor, { townshipCode: TOWNSHIP, kind: 'allocation', amount: 1_000_000, note: '测试拨付备用金' });
});
beforeEach(async () => clearCounty(await appDb()));

const at = (month: string) => new Date(`${month}-10T10:00:00+08:00`);

/** A 岚县 household on dibao with a bank account, and a small fast aid the county approved for bank transfer in the month. */
async function bankApprovedAid(month: string, amountFen = 30_000) {
  const db = await appDb();
  const e = await enroll(db, { amountFen: 50_000, startMonth: '2020-01' });
  const { id: caseId } = await applyForAid(
    staff.caseworker,
    { householdId: e.householdId, kind: 'small_fast', cause: 'sudden_illness', narrative: '户主突发重病住院，家中无力支付', amount: amountFen, documents: ['申请书'] },
    at(month),
  );
  await decideCase(staff.supervisor, { caseId, version: 1, decision: 'approve', method: 'bank', payeeName: '测试户主' }, at(month));
  const [payment] = await db.select().from(tempAidPayments).where(eq(tempAidPayments.caseId, caseId));
  expect(payment).toMatchObject({ status: 'approved', method: 'bank', month });
  return { caseId, paymentId: payment!.id, householdId: e.householdId };
}

async function runOf(runId: string) {
  const db = await appDb();
  const [r] = rows<{ state: string; version: number }>(await db.execute(sql`select state, version from payout_runs where id = ${runId}`));
  return r!;
}

async function approve(runId: string) {
  await approveRun(staff.supervisor2, { runId, version: (await runOf(runId)).version });
}

/** Exports the run's bank file and imports the bank's answer: 失败 for the lines named, 成功 for the rest. */
async function bankAnswers(runId: string, failedLineIds: number[] = []) {
  const { stream } = await exportBankFile(staff.finance, runId, 'csv');
  const data = (await textOf(stream)).replace(/^\uFEFF/, '').trim().split('\r\n').slice(1, -1).map((l) => l.split(','));
  const answer = data.map((r) => [r[0]!, r[5]!, r[6]!, ...(failedLineIds.includes(Number(r[0])) ? ['失败', '账户已销户'] : ['成功', ''])].join(','));
  const outcome = await importReturn(staff.finance, runId, { name: 'return.csv', text: ['序号,账号,金额,结果,原因', ...answer].join('\r\n') });
  expect(outcome, 'the return file should be accepted').toMatchObject({ ok: true });
}

async function paymentOf(id: string) {
  const db = await appDb();
  const [p] = await db.select().from(tempAidPayments).where(eq(tempAidPayments.id, id));
  return p!;
}

async function caseOf(id: string) {
  const db = await appDb();
  const [c] = await db.select().from(tempAidCases).where(eq(tempAidCases.id, id));
  return c!;
}

async function ledgerLinesOf(caseId: string): Promise<number> {
  const db = await appDb();
  const [r] = rows<{ n: number }>(await db.execute(sql`select count(*)::int as n from fund_ledger where case_id = ${caseId}`));
  return r!.n;
}

describe('a temporary-aid payment approved for bank transfer', () => {
  it('goes into the month’s run; once the run is approved only the bank pays it, and the return file makes it paid', async () => {
    const month = '2024-01';
    const aid = await bankApprovedAid(month);
    const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month });
    const db = await appDb();
    const line = (await linesOf(db, runId)).find((l) => l.kind === 'temp_aid' && l.source_id === aid.paymentId)!;
    expect(line, 'the run should hold a temp_aid line for the payment').toMatchObject({ amount_fen: 30_000, household_id: aid.householdId, blocked: false });
    await approve(runId);

    const fundBefore = (await balanceOf(TOWNSHIP))!;
    const refused = await refusal(payApproved(staff.caseworker, { paymentId: aid.paymentId, receiptNo: undefined }));
    expect(refused.fieldErrors._form).toBe('该笔已列入 2024-01 发放批次，由银行代发，不能再单独支付');
    expect(await paymentOf(aid.paymentId)).toMatchObject({ status: 'approved', ledgerId: null, payoutLineId: null, paidOn: null });
    expect(await balanceOf(TOWNSHIP)).toBe(fundBefore);
    expect((await getCase(staff.caseworker, aid.caseId))!.payments[0]).toMatchObject({ heldByRun: true, runNote: '已列入 2024-01 发放批次，由银行代发，待银行回盘' });

    await bankAnswers(runId);
    const paid = await paymentOf(aid.paymentId);
    const [bankLine] = rows<{ bank_account: string }>(await db.execute(sql`select bank_account from payout_lines where id = ${line.id}`));
    expect(paid).toMatchObject({ status: 'paid', paidOn: todayInChina(), paidBy: staff.finance.id, payoutLineId: line.id, ledgerId: null, bankAccount: bankLine!.bank_account });
    expect(await caseOf(aid.caseId)).toMatchObject({ state: 'paid', paidFen: 30_000, version: 3 });
    expect(await ledgerLinesOf(aid.caseId), 'the run’s money is not the township fund’s: no ledger line').toBe(0);
    expect(await balanceOf(TOWNSHIP)).toBe(fundBefore);

    const audits = rows<{ entity: string; actor_id: string; before: { state: string }; after: { state: string; via: string; month: string; payments: { paymentId: string; payoutLineId: number; amountFen: number }[] } }>(
      await db.execute(sql`select entity, actor_id, before, after from audit_log where action = 'tempaid.pay' and (entity_id = ${aid.caseId} or entity_id = ${aid.householdId}) order by id`),
    );
    expect(audits.map((a) => [a.entity, a.actor_id, a.before.state, a.after.state, a.after.via, a.after.month, a.after.payments])).toEqual(
      ['temp_aid_case', 'household'].map((entity) => [entity, staff.finance.id, 'approved', 'paid', 'payout_run', month, [expect.objectContaining({ paymentId: aid.paymentId, payoutLineId: line.id, amountFen: 30_000 })]]),
    );

    // The pages say how it was paid; paying it again is a conflict, not a second payment.
    const shown = await getCase(staff.caseworker, aid.caseId);
    expect(shown!.payments[0]).toMatchObject({ status: 'paid', runNote: '银行代发（2024-01 发放批次）' });
    expect(shown!.ledger).toEqual([]);
    expect((await listHouseholdAid(staff.caseworker, aid.householdId))[0]!.runNotes).toEqual(['银行代发（2024-01 发放批次）']);
    expect((await refusal(payApproved(staff.caseworker, { paymentId: aid.paymentId, receiptNo: undefined }))).code).toBe('conflict');

    // A paid payment points at exactly one of a ledger line or a payout line, whatever the code does.
    await expect(db.execute(sql`update temp_aid_payments set payout_line_id = null where id = ${aid.paymentId}`)).rejects.toMatchObject({ cause: expect.objectContaining({ code: '23514' }) });
  });

  it('stays approved when the bank fails the line, and is paid by the re-issue once the account is fixed', async () => {
    const aid = await bankApprovedAid('2024-02', 25_000);
    const db = await appDb();
    const feb = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2024-02' });
    const line = (await linesOf(db, feb.runId)).find((l) => l.kind === 'temp_aid' && l.source_id === aid.paymentId)!;
    await approve(feb.runId);
    await bankAnswers(feb.runId, [line.id]);

    expect(await paymentOf(aid.paymentId)).toMatchObject({ status: 'approved', payoutLineId: null, paidOn: null });
    expect(await caseOf(aid.caseId)).toMatchObject({ state: 'approved', paidFen: 0 });
    // The run re-issues it: the fund may not pay it meanwhile.
    const refused = await refusal(payApproved(staff.caseworker, { paymentId: aid.paymentId, receiptNo: undefined }));
    expect(refused.fieldErrors._form).toBe('该笔已列入 2024-02 发放批次，由银行代发，不能再单独支付');
    expect((await getCase(staff.caseworker, aid.caseId))!.payments[0]!.runNote).toBe('2024-02 发放批次 银行代发失败（账户已销户）；更正或核实账户后由以后的发放批次重新发放');

    await db.execute(sql`update households set bank_account = ${cardNumber()} where id = ${aid.householdId}`);
    const mar = await startRun(staff.caseworker, { countyCode: COUNTY, month: '2024-03' });
    const reissue = (await linesOf(db, mar.runId)).find((l) => l.kind === 'reissue' && l.source_id === String(line.id))!;
    expect(reissue, 'the March run should re-issue the failed line').toMatchObject({ amount_fen: 25_000 });
    await approve(mar.runId);
    await bankAnswers(mar.runId);

    expect(await paymentOf(aid.paymentId)).toMatchObject({ status: 'paid', payoutLineId: reissue.id, ledgerId: null });
    expect(await caseOf(aid.caseId)).toMatchObject({ state: 'paid', paidFen: 25_000 });
    expect(await ledgerLinesOf(aid.caseId)).toBe(0);
    expect((await getCase(staff.caseworker, aid.caseId))!.payments[0]!.runNote).toBe('银行代发（2024-03 发放批次）');
  });

  it('may still be paid by hand while only a draft holds it; the draft cannot be approved until regenerated without it', async () => {
    const month = '2024-04';
    const aid = await bankApprovedAid(month, 20_000);
    const db = await appDb();
    const { runId } = await startRun(staff.caseworker, { countyCode: COUNTY, month });
    const held = async () => (await linesOf(db, runId)).filter((l) => l.kind === 'temp_aid' && l.source_id === aid.paymentId);
    expect(await held()).toHaveLength(1);

    const fundBefore = (await balanceOf(TOWNSHIP))!;
    await payApproved(staff.caseworker, { paymentId: aid.paymentId, receiptNo: undefined });
    expect(await balanceOf(TOWNSHIP)).toBe(fundBefore - 20_000);
    expect(await paymentOf(aid.paymentId)).toMatchObject({ status: 'paid', payoutLineId: null, ledgerId: expect.any(Number) });

    const refused = await refusal(approveRun(staff.supervisor2, { runId, version: (await runOf(runId)).version }));
    expect(refused.fieldErrors._form).toBe('批次中有 1 笔临时救助已从乡镇备用金支付，请先重新生成批次再审批');
    expect((await runOf(runId)).state).toBe('draft');

    await regenerateRun(staff.caseworker, { runId });
    expect(await held()).toEqual([]);
    await approve(runId);
    expect((await runOf(runId)).state).toBe('approved');
  });
});
