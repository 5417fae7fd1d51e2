// The arithmetic and wording of the reports, as pure functions: which programs are reported by
// area, what a month's notice compares, how a period total is said in the seed's own terms, when
// a run was paid on time, and which start dates make a case overdue.
import { addDays, addMonthsToMonth, daysInMonth, parseMonth } from '@/lib/core/calendar-date';
import { addWorkingDays, type WorkCalendar } from '@/lib/core/working-days';

/** Programs reported separately for urban and rural households (城市低保 / 农村低保). */
const BY_AREA = new Set(['dibao', 'tekun']);
export const PROGRAM_ORDER = ['dibao', 'tekun', 'dis_living', 'dis_care', 'price', 'temp'] as const;

const SHORT: Record<string, string> = {
  dibao: '低保',
  tekun: '特困供养',
  dis_living: '困难残疾人生活补贴',
  dis_care: '重度残疾人护理补贴',
  price: '价格临时补贴',
  temp: '临时救助',
};
const AREA: Record<string, string> = { urban: '城市', rural: '农村' };

/** The row a summary line is reported under: 'dibao:rural', 'tekun:urban', 'dis_living', … */
export function programKey(program: string, area: string): string {
  return BY_AREA.has(program) ? `${program}:${area}` : program;
}

export function splitProgramKey(key: string): { program: string; area?: string } {
  const [program, area] = key.split(':');
  return area ? { program: program!, area } : { program: program! };
}

export function programKeyLabel(key: string): string {
  const { program, area } = splitProgramKey(key);
  return `${area ? (AREA[area] ?? '') : ''}${SHORT[program] ?? program}`;
}

/** Display order: by program, rural before urban. */
export function compareProgramKeys(a: string, b: string): number {
  const rank = (k: string) => {
    const { program, area } = splitProgramKey(k);
    const i = (PROGRAM_ORDER as readonly string[]).indexOf(program);
    return (i < 0 ? 99 : i) * 3 + (area === 'rural' ? 0 : area === 'urban' ? 1 : 2);
  };
  return rank(a) - rank(b) || a.localeCompare(b);
}

/** Programs counted in households; the others (one person each) count persons. */
export function unitOf(program: string): '户' | '人' {
  return program === 'dibao' || program === 'price' || program === 'temp' ? '户' : '人';
}

/** The n months ending with `month`, oldest first. */
export function monthsEnding(month: string, n: number): string[] {
  return Array.from({ length: n }, (_, i) => addMonthsToMonth(month, i - n + 1));
}

/** Months from `from` to `to` inclusive (0 or less when reversed). */
export function monthCount(from: string, to: string): number {
  const a = parseMonth(from);
  const b = parseMonth(to);
  return (b.year - a.year) * 12 + (b.month - a.month) + 1;
}

/**
 * A run is paid on time when its bank file went out (or, not yet exported, it was approved) by
 * the last day of the month it pays, China time. Re-issued lines are late by definition.
 */
export function paidOnTime(month: string, sentOn: string | null): boolean | null {
  if (!sentOn) return null;
  const { year, month: m } = parseMonth(month);
  return sentOn <= `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
}

/**
 * The latest start date from which n working days have already run out today: every case that
 * started on or before it is overdue (isOverdue: today > addWorkingDays(start, n)). Deadlines
 * move forward with the start date, so one date splits the cases and a count can be one query.
 */
export function overdueCutoff(today: string, n: number, cal: WorkCalendar): string {
  let start = addDays(today, -1);
  while (addWorkingDays(start, n, cal) >= today) start = addDays(start, -1);
  return start;
}

/** 905600 → "90.56万"; under ten thousand, the plain number. */
export function countInWan(n: number): string {
  if (Math.abs(n) < 10_000) return String(n);
  return `${trimZeros((n / 10_000).toFixed(2))}万`;
}

/** Money the way the seed says it: "约 24亿元", "约 3.3亿元", "11305.64万元", "2452元". */
export function approxYuan(fen: number): string {
  const yuan = fen / 100;
  if (Math.abs(yuan) >= 1e8) return `约 ${trimZeros((yuan / 1e8).toFixed(1))}亿元`;
  if (Math.abs(yuan) >= 1e4) return `${trimZeros((yuan / 1e4).toFixed(2))}万元`;
  return `${trimZeros(yuan.toFixed(2))}元`;
}

function trimZeros(s: string): string {
  return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
}

const PHRASES: Record<string, [who: string, money: string]> = {
  dibao: ['低保对象', '低保金'],
  tekun: ['特困人员', '特困供养金'],
  dis_living: ['困难残疾人', '生活补贴'],
  dis_care: ['重度残疾人', '护理补贴'],
  price: ['价格临时补贴对象', '价格临时补贴'],
  temp: ['临时救助对象', '临时救助金'],
};

function monthWords(month: string): string {
  const { year, month: m } = parseMonth(month);
  return `${year} 年 ${m} 月`;
}

/**
 * The seed's sentence from the figures: "2016 年 1 月至 2020 年 12 月，吕梁市累计救助农村低保
 * 对象 90.56万人次，发放低保金约 24亿元".
 */
export function periodSentence(p: { from: string; to: string; regionName: string; key: string; personMonths: number; paidFen: number }): string {
  const { program, area } = splitProgramKey(p.key);
  const [who, money] = PHRASES[program] ?? [SHORT[program] ?? program, '资金'];
  const span = p.from === p.to ? monthWords(p.from) : `${monthWords(p.from)}至 ${monthWords(p.to)}`;
  const amount = approxYuan(p.paidFen);
  return `${span}，${p.regionName}累计救助${area ? (AREA[area] ?? '') : ''}${who} ${countInWan(p.personMonths)}人次，发放${money}${amount.startsWith('约') ? '' : ' '}${amount}`;
}

export const movementLabels: Record<string, string> = {
  new: '新增',
  stopped: '停保',
  attrition: '自然减员',
  increased: '增发',
  decreased: '减发',
  moved_in: '迁入',
  moved_out: '迁出',
};
