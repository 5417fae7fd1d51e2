import { describe, expect, it } from 'vitest';
import { annualToMonthlyFen, roundToYuanHalfUp, shareOf, sumExact } from '@/lib/programs/rounding';
import { basisPointsText, exactYuanText, wholeYuanText, yuanText } from '@/lib/programs/working-text';

describe('roundToYuanHalfUp', () => {
  it.each([
    [70550, 70600], // 705.50 → 706
    [70549, 70500], // 705.49 → 705
    [70551, 70600],
    [0, 0],
    [49, 0],
    [50, 100],
    [201000, 201000],
  ])('%i fen → %i fen', (fen, expected) => {
    expect(roundToYuanHalfUp(fen)).toBe(expected);
  });

  it('rounds an exact fraction of a fen once, at the half yuan exactly', () => {
    expect(roundToYuanHalfUp({ num: 500000n - 1n, den: 10000n })).toBe(0); // 0.4999999 yuan
    expect(roundToYuanHalfUp({ num: 500000n, den: 10000n })).toBe(100); // 0.50 yuan
  });

  it('rounds negatives half away from zero, mirroring positives', () => {
    expect(roundToYuanHalfUp(-70550)).toBe(-70600);
    expect(roundToYuanHalfUp(-70549)).toBe(-70500);
    expect(roundToYuanHalfUp(-49)).toBe(0);
  });

  it('refuses fractional fen given as a number', () => {
    expect(() => roundToYuanHalfUp(0.5)).toThrow(/integer number of fen/);
  });
});

describe('exact sums of shares', () => {
  it('sums 3 × 20 % of 402.00 to exactly 241.20 where floats would not', () => {
    const three = sumExact([shareOf(40200, 2000), shareOf(40200, 2000), shareOf(40200, 2000)]);
    expect(exactYuanText(three)).toBe('241.20');
    expect(roundToYuanHalfUp(three)).toBe(24100);
  });

  it('keeps sub-fen precision until the one rounding (33.33 % of 0.03 yuan × 3)', () => {
    // each share is 0.9999 fen; rounding per member would give 3 × 1 fen
    const parts = [shareOf(3, 3333), shareOf(3, 3333), shareOf(3, 3333)];
    expect(exactYuanText(sumExact(parts))).toBe('0.029997');
  });

  it('sums fractions with different denominators', () => {
    expect(sumExact([{ num: 1n, den: 12n }, { num: 1n, den: 4n }])).toEqual({ num: 4n, den: 12n });
  });
});

describe('annualToMonthlyFen', () => {
  it.each([
    [657700, 54800], // 6,577 / 12 = 548.08 → 548
    [485300, 40400], // 4,853 / 12 = 404.42 → 404
    [916900, 76400], // 9,169 / 12 = 764.08 → 764
    [6600, 600], // 66 / 12 = 5.50 → 6: half up
    [6599, 500], // 65.99 / 12 = 5.499… → 5
  ])('%i fen a year → %i fen a month', (annual, monthly) => {
    expect(annualToMonthlyFen(annual)).toBe(monthly);
  });
});

describe('working text', () => {
  it('formats yuan for the supervisor', () => {
    expect(yuanText(201000)).toBe('2,010.00');
    expect(yuanText(0)).toBe('0.00');
    expect(wholeYuanText(245200)).toBe('2,452');
    expect(exactYuanText(shareOf(40201, 2000))).toBe('80.402');
    expect(exactYuanText({ num: 657700n, den: 12n })).toBe('548.083333…');
    expect(basisPointsText(5000)).toBe('50%');
    expect(basisPointsText(1250)).toBe('12.5%');
  });
});
