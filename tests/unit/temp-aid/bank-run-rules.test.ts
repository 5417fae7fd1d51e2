import { describe, expect, it } from 'vitest';
import { bankRunNote, currentLine, heldMessage, holdingMonth, paymentIdOfLine, type RunLine } from '@/lib/temp-aid/bank-run-rules';

const PAYMENT = '0b7f3c0e-5a3e-4d43-9d0f-3c1f0a1e2b3c';
// The components generation writes (lib/payouts/generation/other-lines.ts).
const aidComponents = { month: '2026-12', tempAidPaymentId: PAYMENT, caseId: 'c', purpose: 'approved', approvedOn: '2026-12-03' };
const reissueOf = (kind: string, original: unknown) => ({ month: '2027-01', reissueOf: 41, originalMonth: '2026-12', originalKind: kind, reason: '账户已销户', original });

describe('the temporary-aid payment a payout line pays', () => {
  it('is the source of a temp_aid line', () => {
    expect(paymentIdOfLine({ kind: 'temp_aid', sourceId: PAYMENT, components: aidComponents })).toBe(PAYMENT);
  });

  it('is found through a re-issue, and a re-issue of a re-issue', () => {
    const once = reissueOf('temp_aid', aidComponents);
    expect(paymentIdOfLine({ kind: 'reissue', sourceId: '41', components: once })).toBe(PAYMENT);
    expect(paymentIdOfLine({ kind: 'reissue', sourceId: '77', components: reissueOf('reissue', once) })).toBe(PAYMENT);
  });

  it('is none for the other lines, a re-issue of an enrollment line, or a malformed one', () => {
    expect(paymentIdOfLine({ kind: 'enrollment', sourceId: null, components: { program: 'dibao' } })).toBeNull();
    expect(paymentIdOfLine({ kind: 'arrears', sourceId: PAYMENT, components: null })).toBeNull();
    expect(paymentIdOfLine({ kind: 'reissue', sourceId: '5', components: reissueOf('enrollment', { program: 'dibao' }) })).toBeNull();
    expect(paymentIdOfLine({ kind: 'reissue', sourceId: '5', components: reissueOf('temp_aid', { tempAidPaymentId: 'not-a-uuid' }) })).toBeNull();
    expect(paymentIdOfLine({ kind: 'reissue', sourceId: '5', components: null })).toBeNull();
    expect(paymentIdOfLine({ kind: 'temp_aid', sourceId: null, components: aidComponents })).toBeNull();
  });
});

const line = (over: Partial<RunLine>): RunLine => ({ lineId: 1, runId: 'r', month: '2026-12', runState: 'approved', status: 'pending', blocked: false, failureReason: null, ...over });

describe('whether a payout run holds a bank payment', () => {
  it('does not while only a draft has it: paying by hand is still allowed', () => {
    expect(holdingMonth([])).toBeNull();
    expect(holdingMonth([line({ runState: 'draft' })])).toBeNull();
  });

  it('does from approval on, whatever the bank answered; the latest such run is named', () => {
    for (const runState of ['approved', 'exported', 'reconciled']) expect(holdingMonth([line({ runState })])).toBe('2026-12');
    expect(holdingMonth([line({ status: 'failed', runState: 'reconciled' }), line({ lineId: 2, month: '2027-01', runState: 'draft' })])).toBe('2026-12');
    expect(holdingMonth([line({ status: 'failed' }), line({ lineId: 2, month: '2027-01', runState: 'exported' })])).toBe('2027-01');
  });

  it('says so in the refusal', () => {
    expect(heldMessage('2026-12')).toBe('该笔已列入 2026-12 发放批次，由银行代发，不能再单独支付');
  });
});

describe('how the payment reads on the case page', () => {
  it('names the run that paid it', () => {
    const paid = line({ status: 'paid', runState: 'reconciled' });
    expect(currentLine([paid, line({ lineId: 2, month: '2027-01', runState: 'draft' })])).toBe(paid);
    expect(bankRunNote(paid)).toBe('银行代发（2026-12 发放批次）');
  });

  it('follows the latest line until then', () => {
    const failed = line({ status: 'failed', runState: 'reconciled', failureReason: '账户已销户' });
    const reissue = line({ lineId: 9, month: '2027-01', runState: 'draft' });
    expect(currentLine([failed, reissue])).toBe(reissue);
    expect(bankRunNote(reissue)).toBe('已列入 2027-01 发放批次（草稿，审批后由银行代发）');
    expect(bankRunNote(failed)).toBe('2026-12 发放批次 银行代发失败（账户已销户）；更正或核实账户后由以后的发放批次重新发放');
    expect(bankRunNote(line({ blocked: true }))).toContain('账户受阻');
    expect(bankRunNote(line({ runState: 'exported' }))).toBe('已列入 2026-12 发放批次，由银行代发，待银行回盘');
    expect(currentLine([])).toBeNull();
  });
});
