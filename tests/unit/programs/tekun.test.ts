import { describe, expect, it } from 'vitest';
import amountCases from '../../fixtures/amount-cases.json';
import { checkTekunStandard, tekunMonthlyFen } from '@/lib/programs/tekun';

type TekunCase = {
  name: string;
  annualStandardYuan?: number;
  expectedMonthlyFen?: number;
  dibaoAnnualYuan?: number;
  tekunAnnualYuan?: number;
  minimumRatio?: number;
  expected?: string;
};
const cases: TekunCase[] = amountCases.tekun;

describe('特困: every tekun case of amount-cases.json', () => {
  it.each(cases.filter((c) => c.annualStandardYuan !== undefined).map((c) => [c.name, c] as const))('%s', (_n, c) => {
    expect(tekunMonthlyFen(c.annualStandardYuan! * 100)).toBe(c.expectedMonthlyFen);
  });

  it.each(cases.filter((c) => c.dibaoAnnualYuan !== undefined).map((c) => [c.name, c] as const))('%s', (_n, c) => {
    // A ratio absent from the case is a rule not in force on that date.
    const minRatioPct = c.minimumRatio === undefined ? null : Math.round(c.minimumRatio * 100);
    const result = checkTekunStandard({ tekunAnnualFen: c.tekunAnnualYuan! * 100, dibaoAnnualFen: c.dibaoAnnualYuan! * 100, minRatioPct });
    expect(result.ok).toBe(c.expected!.startsWith('accepted'));
  });
});

describe('checkTekunStandard', () => {
  it('refuses 6,300 against 4,853 × 1.3 = 6,308.90 with the minimum in its message', () => {
    expect(checkTekunStandard({ tekunAnnualFen: 630000, dibaoAnnualFen: 485300, minRatioPct: 130 })).toEqual({
      ok: false,
      code: 'tekun_below_dibao_ratio',
      minimumAnnualFen: 630890,
      message: '特困基本生活标准不得低于低保标准的 1.3 倍（应不低于 6,308.90 元/年）',
    });
  });

  it('accepts a standard exactly at the minimum, refuses one fen below', () => {
    expect(checkTekunStandard({ tekunAnnualFen: 630890, dibaoAnnualFen: 485300, minRatioPct: 130 }).ok).toBe(true);
    expect(checkTekunStandard({ tekunAnnualFen: 630889, dibaoAnnualFen: 485300, minRatioPct: 130 }).ok).toBe(false);
  });

  it('states the minimum rounded up to the fen when the exact product has a fraction of a fen', () => {
    // 0.01 yuan × 1.3 = 1.3 fen: 1 fen is too little, 2 fen is the least that complies
    const r = checkTekunStandard({ tekunAnnualFen: 1, dibaoAnnualFen: 1, minRatioPct: 130 });
    expect(r).toMatchObject({ ok: false, minimumAnnualFen: 2 });
    expect(checkTekunStandard({ tekunAnnualFen: 2, dibaoAnnualFen: 1, minRatioPct: 130 }).ok).toBe(true);
  });

  it('accepts the 2016 seed figures only because no ratio was in force', () => {
    expect(checkTekunStandard({ tekunAnnualFen: 319600, dibaoAnnualFen: 281900, minRatioPct: null }).ok).toBe(true);
    expect(checkTekunStandard({ tekunAnnualFen: 319600, dibaoAnnualFen: 281900, minRatioPct: 130 })).toMatchObject({
      ok: false,
      message: '特困基本生活标准不得低于低保标准的 1.3 倍（应不低于 3,664.70 元/年）',
    });
  });

  it('2020 centralized 9,169 a year is 764 a month', () => {
    expect(tekunMonthlyFen(916900)).toBe(76400);
  });
});
