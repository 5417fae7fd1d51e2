import { describe, expect, it } from 'vitest';
import { isLateEntry, isNoticeReference, stepDateProblem, workingDaysLate } from '@/lib/core/step-date';
import type { WorkCalendar } from '@/lib/core/working-days';

// The same assumed 2026 National Day arrangement as working-days.test.ts: Thursday 1 to Thursday
// 8 October off, Sunday 27 September and Saturday 10 October worked.
const nationalDay2026: WorkCalendar = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07', '2026-10-08'],
  makeUpWorkdays: ['2026-09-27', '2026-10-10'],
};
const plain: WorkCalendar = { holidays: [], makeUpWorkdays: [] };
const THRESHOLD = 3; // dibao/late_entry_wd and temp/late_entry_wd as seeded

describe('workingDaysLate: working days in (stated date, day of entry]', () => {
  it.each([
    ['same day', '2026-11-23', '2026-11-23', plain, 0],
    ['Friday entered on Monday', '2026-11-20', '2026-11-23', plain, 1],
    ['Saturday entered on Monday', '2026-11-21', '2026-11-23', plain, 1],
    ['Friday entered the next Wednesday: 3, still in time', '2026-11-20', '2026-11-25', plain, 3],
    ['Friday entered the next Thursday: 4, a late entry', '2026-11-20', '2026-11-26', plain, 4],
    ['30 Sep entered on 8 Oct: the holiday does not count', '2026-09-30', '2026-10-08', nationalDay2026, 0],
    ['30 Sep entered on 9 Oct: one working day', '2026-09-30', '2026-10-09', nationalDay2026, 1],
    ['30 Sep entered on Monday 12 Oct: 9th, make-up Saturday 10th, 12th', '2026-09-30', '2026-10-12', nationalDay2026, 3],
    ['30 Sep entered on 13 Oct: late', '2026-09-30', '2026-10-13', nationalDay2026, 4],
    ['Friday 25 Sep entered on 30 Sep: the make-up Sunday counts', '2026-09-25', '2026-09-30', nationalDay2026, 4],
  ])('%s', (_, stated, recorded, cal, expected) => {
    expect(workingDaysLate(stated, recorded, cal)).toBe(expected);
  });

  it('gives 0, never a negative number, for a date after the day of entry', () => {
    expect(workingDaysLate('2026-11-26', '2026-11-20', plain)).toBe(0);
  });

  it('calls late only what is more than the policy number of working days', () => {
    expect(isLateEntry(3, THRESHOLD)).toBe(false);
    expect(isLateEntry(4, THRESHOLD)).toBe(true);
    expect(isLateEntry(1, 0)).toBe(true);
    // The same 8 calendar days are a late entry without the holiday and in time across it.
    expect(isLateEntry(workingDaysLate('2026-09-30', '2026-10-08', plain), THRESHOLD)).toBe(true);
    expect(isLateEntry(workingDaysLate('2026-09-30', '2026-10-08', nationalDay2026), THRESHOLD)).toBe(false);
  });
});

describe('stepDateProblem', () => {
  const floors = [
    { label: '申请登记日', date: '2026-12-01' },
    { label: '受理日', date: '2026-11-20' },
  ];

  it('refuses a date after today', () => {
    expect(stepDateProblem('2026-12-02', [], '2026-12-01')).toEqual({ kind: 'future' });
  });

  it('refuses a date before the latest floor and names it (the registration here)', () => {
    expect(stepDateProblem('2026-11-19', floors, '2026-12-05')).toEqual({ kind: 'before', label: '申请登记日', date: '2026-12-01' });
    expect(stepDateProblem('2026-11-30', floors, '2026-12-05')).toEqual({ kind: 'before', label: '申请登记日', date: '2026-12-01' });
  });

  it('accepts the floor day itself and today, and ignores floors not recorded yet', () => {
    expect(stepDateProblem('2026-12-01', floors, '2026-12-05')).toBeNull();
    expect(stepDateProblem('2026-12-05', floors, '2026-12-05')).toBeNull();
    expect(stepDateProblem('2026-11-01', [{ label: '入户调查日', date: null }, { label: '公示开始日', date: undefined }], '2026-12-05')).toBeNull();
  });

  it('names the step, not the registration, when both fall on the same day', () => {
    expect(stepDateProblem('2026-11-30', [{ label: '申请登记日', date: '2026-12-01' }, { label: '受理日', date: '2026-12-01' }], '2026-12-05')).toMatchObject({ label: '受理日' });
  });
});

describe('isNoticeReference: what a late 公示 must point to', () => {
  it.each(['IMG_0123', '公示照片 IMG_0123.jpg', 'KC-2026-015', '公示记录 015', 'abc'])('accepts %s', (text) => {
    expect(isNoticeReference(text)).toBe(true);
  });
  it.each(['', '   ', '已公示', '公示照片已存档', '12', 'a-b-c', null, undefined])('refuses %s', (text) => {
    expect(isNoticeReference(text)).toBe(false);
  });
});
