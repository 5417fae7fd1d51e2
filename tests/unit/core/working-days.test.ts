import { describe, expect, it } from 'vitest';
import { addWorkingDays, isOverdue, isWorkingDay, workingDaysBetween, type WorkCalendar } from '@/lib/core/working-days';

// A plausible 2026 National Day arrangement, assumed for these tests (not the State Council's
// notice): Thursday 1 October to Thursday 8 October off; Sunday 27 September and Saturday
// 10 October are make-up working days. Only the weekday days off are holidays here.
const nationalDay2026: WorkCalendar = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
  makeUpWorkdays: ['2026-09-27', '2026-10-10'],
};
const plain: WorkCalendar = { holidays: [], makeUpWorkdays: [] };

describe('isWorkingDay', () => {
  it.each([
    ['2026-09-28', true], // Monday
    ['2026-09-26', false], // Saturday
    ['2026-09-27', true], // make-up Sunday
    ['2026-10-01', false], // National Day, a Thursday
    ['2026-10-03', false], // Saturday inside the holiday
    ['2026-10-08', false],
    ['2026-10-09', true], // Friday after the holiday
    ['2026-10-10', true], // make-up Saturday
    ['2026-10-11', false], // Sunday
  ])('%s → %s', (date, expected) => {
    expect(isWorkingDay(date, nationalDay2026)).toBe(expected);
  });

  it('refuses a date that is not a real calendar date', () => {
    expect(() => isWorkingDay('2026-02-30', plain)).toThrow(/real calendar date/);
  });
});

describe('addWorkingDays: the start day is not counted', () => {
  it('across a weekend: Friday + 1 working day is Monday', () => {
    expect(addWorkingDays('2026-11-27', 1, plain)).toBe('2026-11-30');
    expect(addWorkingDays('2026-11-28', 1, plain)).toBe('2026-11-30'); // started on a Saturday
  });

  it('across the National Day holiday, landing on the make-up Saturday', () => {
    // Tue 29 Sep: Wed 30 Sep (1), Fri 9 Oct (2), Sat 10 Oct (3)
    expect(addWorkingDays('2026-09-29', 3, nationalDay2026)).toBe('2026-10-10');
    expect(addWorkingDays('2026-09-29', 3, plain)).toBe('2026-10-02');
  });

  it('a make-up Sunday counts: Friday 25 Sep + 1 is Sunday 27 Sep', () => {
    expect(addWorkingDays('2026-09-25', 1, nationalDay2026)).toBe('2026-09-27');
  });

  it('the county decides within 10 working days of 30 September: 21 October', () => {
    expect(addWorkingDays('2026-09-30', 10, nationalDay2026)).toBe('2026-10-21');
  });

  it('0 working days is the start date; a negative or absurd count is refused', () => {
    expect(addWorkingDays('2026-10-01', 0, nationalDay2026)).toBe('2026-10-01');
    expect(() => addWorkingDays('2026-10-01', -1, plain)).toThrow();
    expect(() => addWorkingDays('2026-10-01', 1.5, plain)).toThrow();
  });
});

describe('workingDaysBetween', () => {
  it('counts the days in (a, b], the inverse of addWorkingDays', () => {
    expect(workingDaysBetween('2026-09-30', '2026-10-09', nationalDay2026)).toBe(1);
    expect(workingDaysBetween('2026-09-30', '2026-10-21', nationalDay2026)).toBe(10);
    expect(workingDaysBetween('2026-09-30', '2026-09-30', nationalDay2026)).toBe(0);
    expect(workingDaysBetween('2026-10-21', '2026-09-30', nationalDay2026)).toBe(-10);
    for (const n of [1, 3, 10, 30, 45]) {
      expect(workingDaysBetween('2026-09-15', addWorkingDays('2026-09-15', n, nationalDay2026), nationalDay2026)).toBe(n);
    }
  });
});

describe('isOverdue', () => {
  it('is in time on the deadline day and overdue the day after', () => {
    expect(isOverdue('2026-09-29', 3, '2026-10-09', nationalDay2026)).toBe(false);
    expect(isOverdue('2026-09-29', 3, '2026-10-10', nationalDay2026)).toBe(false);
    expect(isOverdue('2026-09-29', 3, '2026-10-11', nationalDay2026)).toBe(true);
  });

  it('the holiday buys time: without it the same case would be overdue on 5 October', () => {
    expect(isOverdue('2026-09-29', 3, '2026-10-05', plain)).toBe(true);
    expect(isOverdue('2026-09-29', 3, '2026-10-05', nationalDay2026)).toBe(false);
  });
});
