import { describe, expect, it } from 'vitest';
import { ageInDays, ageText, maxStacked, moneyAxis, personTick } from '@/lib/reports/dashboard-rules';

describe('the start page: ages of the oldest waiting item', () => {
  it('counts whole calendar days, across a month end, never negative', () => {
    expect(ageInDays('2026-11-29', '2026-11-29')).toBe(0);
    expect(ageInDays('2026-12-02', '2026-11-29')).toBe(3);
    expect(ageInDays('2026-11-29', '2026-12-01')).toBe(0);
    expect(ageInDays('2026-11-29', null)).toBeNull();
  });

  it('says how long the oldest has waited, or how late the earliest due one is', () => {
    expect(ageText('waiting', '2026-11-29', '2026-11-17')).toBe('最久已等 12 天');
    expect(ageText('waiting', '2026-11-29', '2026-11-29')).toBe('最久的今天到达');
    expect(ageText('due', '2026-11-29', '2026-11-26')).toBe('最早已逾期 3 天');
    expect(ageText('due', '2026-11-29', '2026-12-05')).toBe('最早 2026-12-05 到期');
    expect(ageText('due', '2026-11-29', '2026-11-29')).toBe('最早 2026-11-29 到期');
    expect(ageText('waiting', '2026-11-29', null)).toBeNull();
  });
});

describe('chart axes', () => {
  it('draws whole persons only', () => {
    expect(personTick(0)).toBe('0');
    expect(personTick(1200)).toBe('1,200');
    expect(personTick(0.5)).toBe('');
    expect(personTick(2.25)).toBe('');
  });

  it('reads money in 元 for a township and in 万元 once a month reaches 10,000 yuan', () => {
    const small = moneyAxis(245_200); // ¥2,452.00
    expect(small.unit).toBe('元');
    expect(small.tick(245_200)).toBe('2,452');
    expect(small.tick(0)).toBe('0');
    const county = moneyAxis(1_000_000);
    expect(county.unit).toBe('万元');
    expect(county.tick(1_256_000)).toBe('1.26');
    expect(moneyAxis(999_999).unit).toBe('元');
    expect(moneyAxis(1_200_000_000).tick(1_200_000_000)).toBe('1,200');
  });

  it('sizes the axis by the largest stacked month', () => {
    expect(maxStacked([{ a: 100, b: 200 }, { a: 250 }])).toBe(300);
    expect(maxStacked([])).toBe(0);
  });
});
