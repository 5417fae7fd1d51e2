import { describe, expect, it } from 'vitest';
import { admissionMonth, dischargeEffectiveMonth, occupancyText, placementCoversMonth } from '@/lib/institutions/rules';

describe('集中供养 months', () => {
  it('pays the institution from the month of admission through the month of discharge', () => {
    expect(admissionMonth('2020-03-31')).toBe('2020-03');
    expect(dischargeEffectiveMonth('2020-05-20')).toBe('2020-06');
    expect(dischargeEffectiveMonth('2020-12-01')).toBe('2021-01');
    const p = { admittedOn: '2020-03-10', dischargedOn: '2020-05-20' };
    expect(['2020-02', '2020-03', '2020-05', '2020-06'].map((m) => placementCoversMonth(p, m))).toEqual([false, true, true, false]);
    expect(placementCoversMonth({ admittedOn: '2020-03-10', dischargedOn: null }, '2030-01')).toBe(true);
  });
});

describe('occupancy', () => {
  it('is residents ÷ capacity to one decimal', () => {
    expect(occupancyText(37, 50)).toBe('74.0%');
    expect(occupancyText(1, 40)).toBe('2.5%');
    expect(occupancyText(1, 3)).toBe('33.3%');
    expect(occupancyText(2, 3)).toBe('66.7%');
    expect(occupancyText(3, 3)).toBe('100.0%');
  });
});
