import { describe, expect, it } from 'vitest';
import { can } from '@/lib/auth/permissions';
import { addDays } from '@/lib/core/calendar-date';
import { isOverdue } from '@/lib/core/working-days';
import { emptyFigures } from '@/lib/reports/figures';
import { buildNotice, type LocatedSummary } from '@/lib/reports/notice-build';
import { noticeBlocks, noticeColumns } from '@/lib/reports/notice-columns';
import { approxYuan, countInWan, monthsEnding, overdueCutoff, paidOnTime, periodSentence, programKey, programKeyLabel } from '@/lib/reports/rules';
import { keyFilter, linesFilterSchema, linesHref } from '@/lib/reports/schemas';

describe('the seed sentence', () => {
  it('says 90.56 万人次 and about 24 亿元 the way the newspaper did', () => {
    const s = periodSentence({ from: '2016-01', to: '2020-11', regionName: '吕梁市', key: 'dibao:rural', personMonths: 905_600, paidFen: 2_400_000_000_00 });
    expect(s).toBe('2016 年 1 月至 2020 年 11 月，吕梁市累计救助农村低保对象 90.56万人次，发放低保金约 24亿元');
  });

  it('rounds money to the unit a notice uses', () => {
    expect(approxYuan(330_000_000_00)).toBe('约 3.3亿元');
    expect(approxYuan(510_000_000_00)).toBe('约 5.1亿元');
    expect(approxYuan(113_056_400_00)).toBe('约 1.1亿元');
    expect(approxYuan(1_130_564_000)).toBe('1130.56万元');
    expect(approxYuan(245_200)).toBe('2452元');
    expect(countInWan(198_100)).toBe('19.81万');
    expect(countInWan(92_600)).toBe('9.26万');
    expect(countInWan(9_999)).toBe('9999');
  });

  it('names programs by area where the notice splits them', () => {
    expect(programKeyLabel(programKey('dibao', 'urban'))).toBe('城市低保');
    expect(programKeyLabel(programKey('tekun', 'rural'))).toBe('农村特困供养');
    expect(programKey('price', 'rural')).toBe('price');
    expect(keyFilter('dibao:rural')).toEqual({ program: 'dibao', area: 'rural' });
    expect(keyFilter('')).toEqual({});
  });
});

describe('dates', () => {
  it('pays on time when the bank file went out within the month', () => {
    expect(paidOnTime('2026-02', '2026-02-28')).toBe(true);
    expect(paidOnTime('2026-02', '2026-03-01')).toBe(false);
    expect(paidOnTime('2026-02', null)).toBeNull();
  });

  it('finds the start date that splits overdue cases from the rest, holidays included', () => {
    const cal = { holidays: ['2026-10-01', '2026-10-02', '2026-10-05', '2026-10-06', '2026-10-07'], makeUpWorkdays: ['2026-10-10'] };
    for (const n of [0, 3, 10, 30]) {
      for (let d = 0; d < 60; d++) {
        const today = addDays('2026-09-20', d);
        const cutoff = overdueCutoff(today, n, cal);
        expect(isOverdue(cutoff, n, today, cal), `${today} n=${n}: cutoff ${cutoff} overdue`).toBe(true);
        expect(isOverdue(addDays(cutoff, 1), n, today, cal), `${today} n=${n}: day after ${cutoff} not overdue`).toBe(false);
      }
    }
  });

  it('lists twelve months ending with this one, across a year end', () => {
    expect(monthsEnding('2027-02', 12)).toEqual(['2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('monthly notice arithmetic', () => {
  const row = (over: Partial<LocatedSummary>): LocatedSummary => ({
    ...emptyFigures(),
    kind: 'enrollment',
    month: '2026-11',
    countyCode: '141130',
    townshipCode: '141130101',
    program: 'dibao',
    area: 'rural',
    personMonths: 0,
    ...over,
  });
  const notice = buildNotice({
    month: '2026-11',
    previousMonth: '2026-10',
    scopeCode: '141100',
    summary: [
      row({ households: 2, persons: 6, amountFen: 300_000, paidFen: 200_000, failedFen: 100_000, paidPersonMonths: 4, lines: 2 }),
      row({ townshipCode: '141130100', households: 1, persons: 1, amountFen: 40_000, paidFen: 40_000, paidPersonMonths: 1 }),
      row({ kind: 'reissue', amountFen: 50_000, paidFen: 50_000, paidPersonMonths: 2 }),
      row({ countyCode: '141128', townshipCode: '141128102', kind: 'price_subsidy', program: 'price', households: 1, persons: 3, amountFen: 3_000, paidFen: 3_000, paidPersonMonths: 3 }),
      row({ month: '2026-10', households: 2, persons: 5, amountFen: 280_000, paidFen: 280_000 }),
    ],
    movements: [
      { countyCode: '141130', townshipCode: '141130101', program: 'dibao', area: 'rural', movement: 'increased', count: 1, personsDelta: 1, amountDeltaFen: 20_000 },
    ],
    firstResponse: [{ countyCode: '141130', townshipCode: '141130101', opened: 1, paidFen: 500_000, awaiting: 1, overdue: 0 }],
    runs: [
      { countyCode: '141130', state: 'reconciled', sentOn: '2026-11-10' },
      { countyCode: '141128', state: 'exported', sentOn: '2026-12-02' },
    ],
    previousRuns: ['141130'],
    names: new Map([['141100', '吕梁市'], ['141130', '交口县'], ['141128', '方山县']]),
  });

  it('adds every level from the same rows, so townships add up to counties and counties to the city', () => {
    const jiaokou = notice.counties.find((c) => c.code === '141130')!;
    const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
    expect(sum(jiaokou.townships.map((t) => t.total.cur.amountFen))).toBe(jiaokou.total.cur.amountFen);
    expect(sum(notice.counties.map((c) => c.total.cur.paidFen))).toBe(notice.scope.total.cur.paidFen);
    expect(jiaokou.total.cur).toMatchObject({ households: 3, persons: 7, amountFen: 390_000, rollFen: 340_000, adjustmentFen: 50_000, pendingFen: 0 });
    expect(jiaokou.rows[0]!.prev).toMatchObject({ households: 2, rollFen: 280_000 });
    expect(jiaokou.firstResponse).toEqual({ opened: 1, paidFen: 500_000, awaiting: 1, overdue: 0 });
  });

  it('counts re-issues and late runs as paid late', () => {
    const jiaokou = notice.counties.find((c) => c.code === '141130')!;
    expect([jiaokou.total.onTimeFen, jiaokou.total.lateFen]).toEqual([240_000, 50_000]);
    const fangshan = notice.counties.find((c) => c.code === '141128')!;
    expect([fangshan.total.onTimeFen, fangshan.total.lateFen]).toEqual([0, 3_000]);
    expect(fangshan.run).toEqual({ state: 'exported', sentOn: '2026-12-02', onTime: false });
  });

  it('leaves households out of the all-programs total and links figures to their lines', () => {
    const blocks = noticeBlocks(notice);
    expect(blocks.main.map((b) => b.label)).toEqual(['方山县', '交口县', '吕梁市合计']);
    const households = noticeColumns[0]!;
    const total = blocks.main[2]!.area.total;
    expect(households.value(total, blocks.main[2]!.area)).toBeNull();
    const jiaokou = blocks.main[1]!;
    expect(households.href!(jiaokou.area.rows[0]!, jiaokou.place)).toBe('/reports/lines?month=2026-11&county=141130&program=dibao&area=rural&roll=1');
  });
});

describe('drill-down filters', () => {
  it('keeps to filters, and needs a month or a range', () => {
    expect(linesHref({ month: '2026-11', status: 'failed', county: '141130' })).toBe('/reports/lines?month=2026-11&county=141130&status=failed');
    expect(linesFilterSchema.safeParse({ county: '141130' }).success).toBe(false);
    expect(linesFilterSchema.safeParse({ from: '2026-01', to: '2026-12', movement: 'new' }).success).toBe(false);
    expect(linesFilterSchema.safeParse({ month: '2026-11', q: '穆小军' }).data).toEqual({ month: '2026-11' });
  });

  it('lets every role read reports', () => {
    for (const role of ['caseworker', 'supervisor', 'auditor', 'admin'] as const) expect(can(role, 'report.read')).toBe(true);
  });
});
