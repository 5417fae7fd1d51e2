import { describe, expect, it } from 'vitest';
import { countMonthlyIncome, incomeKinds, type IncomeItem } from '@/lib/households/income';

const counted = ['wages', 'business', 'property', 'transfer'];

const item = (over: Partial<IncomeItem>): IncomeItem => ({
  kind: 'wages',
  amountFen: 100000,
  memberId: null,
  excluded: false,
  from: '2019-01-01',
  to: null,
  ...over,
});

describe('countMonthlyIncome', () => {
  it('a household with no income (the reference case) counts zero', () => {
    expect(countMonthlyIncome([], counted, '2019-06', 5)).toEqual({
      countedMonthlyFen: 0,
      excludedMonthlyFen: 0,
      perPersonFen: 0,
      lines: [],
    });
  });

  it('counts the kinds policy counts and sets aside the others, with reasons', () => {
    const result = countMonthlyIncome(
      [
        item({ kind: 'wages', amountFen: 150000, memberId: 'm2' }),
        item({ kind: 'youfu', amountFen: 30000 }),
        item({ kind: 'pension_basic', amountFen: 11800 }),
        item({ kind: 'business', amountFen: 20000 }),
      ],
      counted,
      '2019-06',
      5,
    );
    expect(result.countedMonthlyFen).toBe(170000);
    expect(result.excludedMonthlyFen).toBe(41800);
    expect(result.perPersonFen).toBe(34000);
    expect(result.lines.map((l) => [l.kind, l.counted, l.reason])).toEqual([
      ['wages', true, '计入'],
      ['youfu', false, '政策不计入（优抚金）'],
      ['pension_basic', false, '政策不计入（城乡居民基本养老金）'],
      ['business', true, '计入'],
    ]);
  });

  it('follows the policy list: a kind counts only if listed', () => {
    const items = [item({ kind: 'transfer', amountFen: 5000 })];
    expect(countMonthlyIncome(items, counted, '2019-06', 1).countedMonthlyFen).toBe(5000);
    expect(countMonthlyIncome(items, ['wages'], '2019-06', 1)).toMatchObject({
      countedMonthlyFen: 0,
      excludedMonthlyFen: 5000,
      lines: [{ counted: false, reason: '政策不计入（转移净收入）' }],
    });
  });

  it('does not count an item flagged excluded even if its kind counts', () => {
    const result = countMonthlyIncome([item({ kind: 'wages', amountFen: 80000, excluded: true })], counted, '2019-06', 2);
    expect(result).toMatchObject({ countedMonthlyFen: 0, excludedMonthlyFen: 80000, perPersonFen: 0 });
    expect(result.lines[0]).toMatchObject({ counted: false, reason: expect.stringMatching(/^政策不计入（.+）$/) });
  });

  it('ignores items outside the month, counts items touching it by a single day', () => {
    const result = countMonthlyIncome(
      [
        item({ amountFen: 1, from: '2019-01-01', to: '2019-05-31' }), // ended before June
        item({ amountFen: 2, from: '2019-07-01' }), // starts after June
        item({ amountFen: 4, from: '2019-01-01', to: '2019-06-01' }), // last day is 1 June
        item({ amountFen: 8, from: '2019-06-30', to: null }), // first day is 30 June
      ],
      counted,
      '2019-06',
      1,
    );
    expect(result.countedMonthlyFen).toBe(12);
    expect(result.excludedMonthlyFen).toBe(0);
    expect(result.lines.map((l) => l.reason)).toEqual(['不在本月', '不在本月', '计入', '计入']);
  });

  it('knows how long February is', () => {
    const result = countMonthlyIncome([item({ from: '2020-02-29' })], counted, '2020-02', 1);
    expect(result.countedMonthlyFen).toBe(100000);
  });

  it('rounds per-person income down to the fen', () => {
    expect(countMonthlyIncome([item({ amountFen: 100000 })], counted, '2019-06', 3).perPersonFen).toBe(33333);
    expect(countMonthlyIncome([item({ amountFen: 100001 })], counted, '2019-06', 2).perPersonFen).toBe(50000);
  });

  it('refuses non-integer or negative amounts, zero persons and a malformed month', () => {
    expect(() => countMonthlyIncome([item({ amountFen: 100.5 })], counted, '2019-06', 1)).toThrow(/integer/);
    expect(() => countMonthlyIncome([item({ amountFen: -1 })], counted, '2019-06', 1)).toThrow(/non-negative/);
    expect(() => countMonthlyIncome([], counted, '2019-06', 0)).toThrow(/persons/);
    expect(() => countMonthlyIncome([], counted, '2019-6', 1)).toThrow(/YYYY-MM/);
  });

  it('labels every kind in Chinese', () => {
    expect(Object.keys(incomeKinds)).toHaveLength(9);
    expect(incomeKinds.scholarship).toBe('奖学金/助学金');
  });
});
