import { describe, expect, it } from 'vitest';
import { parseReturnFile, validateReturn, type ExpectedLine } from '@/lib/payouts/return-file';
import { accountBlockCases } from '../../support/account-block-cases';
import {
  accountBlockReason,
  amountInForce,
  arrearsCheck,
  monthAllowed,
  monthVerdict,
  recoveryDeduction,
} from '@/lib/payouts/rules';

const active = { status: 'active' as const, startMonth: '2026-12', endMonth: null };

describe('which months an enrollment pays', () => {
  it('starts the month after the decision (the start month), not before', () => {
    expect(monthVerdict(active, [], '2026-11', 245_200)).toEqual({ pays: false, reason: 'not_started' });
    expect(monthVerdict(active, [], '2026-12', 245_200)).toEqual({ pays: true, gradualExit: false });
  });

  it('pays through the end month and not after; a terminated enrollment without one pays nothing', () => {
    const ended = { status: 'terminated' as const, startMonth: '2026-01', endMonth: '2026-06' };
    expect(monthVerdict(ended, [], '2026-06', 100).pays).toBe(true);
    expect(monthVerdict(ended, [], '2026-07', 100)).toEqual({ pays: false, reason: 'ended' });
    expect(monthVerdict({ ...ended, endMonth: null }, [], '2026-03', 100)).toEqual({ pays: false, reason: 'ended' });
  });

  it('pays a gradual exit as such, from the termination month through its last month', () => {
    const exiting = { status: 'terminated' as const, startMonth: '2026-01', endMonth: '2026-09' };
    const changes = [{ kind: 'terminate' as const, effectiveMonth: '2026-04' }];
    expect(monthVerdict(exiting, changes, '2026-03', 100)).toEqual({ pays: true, gradualExit: false });
    expect(monthVerdict(exiting, changes, '2026-04', 100)).toEqual({ pays: true, gradualExit: true });
    expect(monthVerdict(exiting, changes, '2026-10', 100)).toEqual({ pays: false, reason: 'ended' });
  });

  it('suspends from the suspension’s month until the resumption’s, whatever the status today', () => {
    const changes = [
      { kind: 'suspend' as const, effectiveMonth: '2027-02' },
      { kind: 'resume' as const, effectiveMonth: '2027-05' },
    ];
    expect(monthVerdict(active, changes, '2027-01', 100).pays).toBe(true);
    expect(monthVerdict({ ...active, status: 'suspended' }, changes.slice(0, 1), '2027-01', 100).pays).toBe(true); // approved now, effective later
    expect(monthVerdict(active, changes, '2027-02', 100)).toEqual({ pays: false, reason: 'suspended' });
    expect(monthVerdict(active, changes, '2027-04', 100)).toEqual({ pays: false, reason: 'suspended' });
    expect(monthVerdict(active, changes, '2027-05', 100).pays).toBe(true);
    expect(monthVerdict({ ...active, status: 'suspended' }, [], '2027-05', 100)).toEqual({ pays: false, reason: 'suspended' });
  });

  it('pays nothing unconfirmed, nor without an amount', () => {
    expect(monthVerdict({ ...active, status: 'proposed' }, [], '2027-01', 5_000)).toEqual({ pays: false, reason: 'not_confirmed' });
    expect(monthVerdict(active, [], '2027-01', 0)).toEqual({ pays: false, reason: 'no_amount' });
    expect(monthVerdict(active, [], '2027-01', null)).toEqual({ pays: false, reason: 'no_amount' });
  });

  it('takes the amount row with the greatest effective month not after the month', () => {
    const rows = [{ effectiveMonth: '2026-12', fen: 245_200 }, { effectiveMonth: '2027-03', fen: 200_000 }];
    expect(amountInForce(rows, '2026-11')).toBeNull();
    expect(amountInForce(rows, '2027-02')?.fen).toBe(245_200);
    expect(amountInForce(rows, '2027-03')?.fen).toBe(200_000);
  });
});

describe('adjustments', () => {
  it('recovers at most the instalment, at most what is owed, never below the floor', () => {
    expect(recoveryDeduction({ payableFen: 60_000, perMonthFen: 4_000, remainingFen: 10_000, floorFen: 50_000 })).toBe(4_000);
    expect(recoveryDeduction({ payableFen: 60_000, perMonthFen: 4_000, remainingFen: 1_500, floorFen: 50_000 })).toBe(1_500);
    expect(recoveryDeduction({ payableFen: 60_000, perMonthFen: 4_000, remainingFen: 10_000, floorFen: 58_000 })).toBe(2_000);
    expect(recoveryDeduction({ payableFen: 50_000, perMonthFen: 4_000, remainingFen: 10_000, floorFen: 58_000 })).toBe(0);
    expect(() => recoveryDeduction({ payableFen: 1.5, perMonthFen: 1, remainingFen: 1, floorFen: 0 })).toThrow();
  });

  it('pays arrears of a missed month up to what it would have paid, once', () => {
    expect(arrearsCheck({ dueFen: 245_200, requestedFen: 245_200, alreadyPaid: false })).toEqual({ ok: true });
    expect(arrearsCheck({ dueFen: 245_200, requestedFen: 245_201, alreadyPaid: false })).toMatchObject({ ok: false });
    expect(arrearsCheck({ dueFen: 245_200, requestedFen: 100, alreadyPaid: true })).toMatchObject({ ok: false, message: expect.stringContaining('重复') });
    expect(arrearsCheck({ dueFen: null, requestedFen: 100, alreadyPaid: false })).toMatchObject({ ok: false });
  });
});

describe('accounts, money text and months', () => {
  it('blocks a household without a usable account and says why', () => {
    const ok = { bankName: '农村信用社', bankAccountKind: 'card', bankAccount: '6228480470000001235', bankAccountHolder: '穆小军' };
    expect(accountBlockReason(ok)).toBeNull();
    expect(accountBlockReason({ ...ok, bankAccount: null })).toBe('未登记发放账户');
    expect(accountBlockReason({ ...ok, bankAccountHolder: ' ' })).toBe('未登记账户名');
    expect(accountBlockReason({ ...ok, bankAccount: '6228-4804' })).toBe('银行卡号格式不正确');
    expect(accountBlockReason({ ...ok, bankAccountKind: 'passbook', bankAccount: 'AB12' })).toBe('存折账号格式不正确');
    expect(accountBlockReason({ ...ok, householdStatus: 'closed' })).toBe('家庭已销户');
    expect(accountBlockReason({ ...ok, accountChangePending: true })).toBe('账户变更待复核');
  });

  it.each(accountBlockCases)('gives $name the reason its SQL twin gives (the shared cases)', ({ account, reason }) => {
    expect(accountBlockReason(account)).toBe(reason);
  });


  it('prepares runs up to next month only', () => {
    expect(monthAllowed('2026-12', '2026-11-30')).toBe(true);
    expect(monthAllowed('2027-01', '2026-12-01')).toBe(true);
    expect(monthAllowed('2027-01', '2026-11-30')).toBe(false);
    expect(monthAllowed('2026-13', '2026-11-30')).toBe(false);
  });
});

describe('bank return file', () => {
  const lines = new Map<number, ExpectedLine>([
    [11, { id: 11, account: '6228480470000001235', payableFen: 245_200, status: 'pending', blocked: false, kind: 'enrollment' }],
    [12, { id: 12, account: '6228480470000001235', payableFen: 5_000, status: 'pending', blocked: false, kind: 'enrollment' }],
  ]);
  it('accepts a matching file with its control row', () => {
    const parsed = parseReturnFile('\uFEFF序号,账号,金额（元）,结果,原因\n11,6228480470000001235,2452.00,成功,\n12,6228480470000001235,50.00,失败,户名不符\n合计,2,2502.00,,');
    if (!parsed.ok) throw new Error(parsed.message);
    expect(validateReturn(parsed, lines)).toEqual({
      ok: true,
      rows: [
        { row: 2, lineId: 11, status: 'paid', reason: null, fen: 245_200 },
        { row: 3, lineId: 12, status: 'failed', reason: '户名不符', fen: 5_000 },
      ],
    });
  });
  it('reports every bad line', () => {
    const parsed = parseReturnFile('序号,账号,金额,结果,原因\n11,6228480470000001235,2452.01,成功,\n11,6228480470000001235,2452.00,成功,\n99,1,1.00,成功,\n12,6228480470000009999,50.00,退回,');
    if (!parsed.ok) throw new Error(parsed.message);
    const r = validateReturn(parsed, lines);
    expect(r.ok ? [] : r.errors.map((e) => `${e.row}:${e.message}`)).toEqual([
      '2:金额不符：应为 2452.00 元，回盘为 2452.01 元',
      '3:序号重复（与第 2 行相同）',
      '4:序号不属于本批次',
      '5:账号与发放明细不符',
      '5:结果应为“成功”或“失败”',
    ]);
    expect(parseReturnFile('序号,金额\n1,2')).toMatchObject({ ok: false });
  });
});
