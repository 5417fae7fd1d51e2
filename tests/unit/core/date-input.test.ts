import { describe, expect, it } from 'vitest';
import { dateInput, dateInputError } from '@/lib/core/date-input';
import { todayInChina } from '@/lib/core/time';

const TODAY = '2026-12-01';

describe('dateInputError: a typed date the record can mean', () => {
  it('refuses what is not a calendar date', () => {
    for (const d of ['2026-02-30', '2026-13-01', '20261201', '2026-1-1', '']) {
      expect(dateInputError(d, '起始日期', 'far', TODAY), d).toBe('起始日期应为有效日期，格式如 2024-03-15');
    }
  });

  it('refuses anything before 1900', () => {
    expect(dateInputError('1899-12-31', '起始日期', 'far', TODAY)).toBe('起始日期不能早于 1900 年 1 月 1 日');
    expect(dateInputError('0001-01-01', '登记日期', 'today', TODAY)).toBe('登记日期不能早于 1900 年 1 月 1 日');
    expect(dateInputError('0000-01-01', '登记日期', 'today', TODAY)).toBe('登记日期不能早于 1900 年 1 月 1 日'); // no year 0 in PostgreSQL
    expect(dateInputError('1900-01-01', '起始日期', 'far', TODAY)).toBeNull();
  });

  it('a date that has happened is not after today', () => {
    expect(dateInputError(TODAY, '登记日期', 'today', TODAY)).toBeNull();
    expect(dateInputError('2026-12-02', '登记日期', 'today', TODAY)).toBe('登记日期不能晚于今天');
  });

  it('a start entered in advance is at most a year ahead (the day a year later, clamped at month end)', () => {
    expect(dateInputError('2027-12-01', '起始日期', 'year_ahead', TODAY)).toBeNull();
    expect(dateInputError('2027-12-02', '起始日期', 'year_ahead', TODAY)).toBe('起始日期不能晚于一年以后（2027-12-01）');
    expect(dateInputError('2029-03-01', '起始日期', 'year_ahead', '2028-02-29')).toBe('起始日期不能晚于一年以后（2029-02-28）');
  });

  it('any date ends by 2100', () => {
    expect(dateInputError('2100-12-31', '截止日期', 'far', TODAY)).toBeNull();
    expect(dateInputError('9999-12-31', '截止日期', 'far', TODAY)).toBe('截止日期不能晚于 2100 年 12 月 31 日');
  });
});

describe('dateInput', () => {
  it('reads today at each parse and keeps the field’s messages', () => {
    const field = dateInput('登记日期', 'today');
    expect(field.parse(` ${todayInChina()} `)).toBe(todayInChina());
    expect(field.safeParse('').error?.issues.map((i) => i.message)).toEqual(['请填写登记日期']);
    expect(field.safeParse(undefined).error?.issues[0]?.message).toBe('请填写登记日期');
    expect(field.safeParse('1850-01-01').error?.issues[0]?.message).toBe('登记日期不能早于 1900 年 1 月 1 日');
  });
});
