import type { ComplaintMonth } from '@/lib/complaints/counts';
import type { TekunSupportMonth } from '@/lib/institutions/counts';
import type { AlertMonth } from '@/lib/monitoring/counts';
// Puts the monthly notice (月通报) together from grouped rows: every figure is added at three
// levels at once (township, its county, the whole scope), so the levels add up by construction.
import { addFigures, addRow, emptyFigures, type Figures, type SummaryRow } from './figures';
import { compareProgramKeys, paidOnTime, programKey, programKeyLabel, splitProgramKey, unitOf } from './rules';

export const MOVEMENTS = ['new', 'stopped', 'attrition', 'increased', 'decreased', 'moved_in', 'moved_out'] as const;
export type Movement = (typeof MOVEMENTS)[number];

export interface MovementFigures {
  count: number;
  personsDelta: number;
  amountDeltaFen: number;
}

export interface NoticeRow {
  key: string;
  label: string;
  unit: '户' | '人';
  cur: Figures;
  prev: Figures;
  movements: Partial<Record<Movement, MovementFigures>>;
  /** Paid this month by a run sent on time, and paid late (a late run, or re-issues). */
  onTimeFen: number;
  lateFen: number;
}

export interface FirstResponse {
  opened: number;
  paidFen: number;
  awaiting: number;
  overdue: number;
}

export interface NoticeArea {
  code: string;
  name: string;
  rows: NoticeRow[];
  total: NoticeRow;
  firstResponse: FirstResponse;
  /** Steps entered late (补录) this month, by the month they were entered in. */
  lateEntries: number;
  /** 定期复核: due in the month, closed in it, overdue at its end (lib/reviews/counts.ts). */
  reviews: ReviewFigures;
}

export interface NoticeCounty extends NoticeArea {
  run: { state: string; sentOn: string | null; onTime: boolean | null } | null;
  /** Last month had an approved run: the movement columns explain the change. */
  comparable: boolean;
  townships: NoticeArea[];
}

export interface MonthlyNotice {
  month: string;
  previousMonth: string;
  scope: NoticeArea;
  counties: NoticeCounty[];
  /** 投诉举报 of the month (lib/complaints/counts.ts): apart from the payout figures, which it does not touch. */
  complaints?: ComplaintMonth;
  /** 监测预警 of the month (lib/monitoring/counts.ts): raised by rule, closed by outcome, open at its end. */
  alerts?: AlertMonth;
  /** 特困 集中 and 分散 of the month (lib/institutions/counts.ts): persons and money apart. */
  tekunSupport?: TekunSupportMonth;
}

export type LocatedSummary = SummaryRow & { month: string; countyCode: string; townshipCode: string; program: string; area: string };
export type LocatedMovement = MovementFigures & { countyCode: string; townshipCode: string; program: string; area: string; movement: string };
export type LocatedFirstResponse = FirstResponse & { countyCode: string; townshipCode: string };
export type LocatedLateEntries = { countyCode: string; townshipCode: string; count: number };
export type ReviewFigures = { due: number; done: number; overdue: number };
export type LocatedReviews = ReviewFigures & { countyCode: string; townshipCode: string };
export interface RunInfo {
  countyCode: string;
  state: string;
  sentOn: string | null;
}

function newRow(key: string): NoticeRow {
  return { key, label: key === '' ? '合计' : programKeyLabel(key), unit: key === '' ? '户' : unitOf(splitProgramKey(key).program), cur: emptyFigures(), prev: emptyFigures(), movements: {}, onTimeFen: 0, lateFen: 0 };
}

class Area {
  rows = new Map<string, NoticeRow>();
  firstResponse: FirstResponse = { opened: 0, paidFen: 0, awaiting: 0, overdue: 0 };
  lateEntries = 0;
  reviews: ReviewFigures = { due: 0, done: 0, overdue: 0 };
  constructor(readonly code: string) {}
  row(key: string): NoticeRow {
    let r = this.rows.get(key);
    if (!r) this.rows.set(key, (r = newRow(key)));
    return r;
  }
  done(names: Map<string, string>): NoticeArea {
    const rows = [...this.rows.values()].sort((a, b) => compareProgramKeys(a.key, b.key));
    const total = newRow('');
    for (const r of rows) {
      addFigures(total.cur, r.cur);
      addFigures(total.prev, r.prev);
      total.onTimeFen += r.onTimeFen;
      total.lateFen += r.lateFen;
      for (const [m, f] of Object.entries(r.movements) as [Movement, MovementFigures][]) addMovement(total, m, f);
    }
    return { code: this.code, name: names.get(this.code) ?? this.code, rows, total, firstResponse: this.firstResponse, lateEntries: this.lateEntries, reviews: this.reviews };
  }
}

function addMovement(row: NoticeRow, m: Movement, f: MovementFigures) {
  const into = (row.movements[m] ??= { count: 0, personsDelta: 0, amountDeltaFen: 0 });
  into.count += f.count;
  into.personsDelta += f.personsDelta;
  into.amountDeltaFen += f.amountDeltaFen;
}

export function buildNotice(input: {
  month: string;
  previousMonth: string;
  scopeCode: string;
  summary: LocatedSummary[];
  movements: LocatedMovement[];
  firstResponse: LocatedFirstResponse[];
  /** Late entries (补录) entered in the month; absent: none. */
  lateEntries?: LocatedLateEntries[];
  reviews?: LocatedReviews[];
  runs: RunInfo[];
  /** Counties with an approved run last month. */
  previousRuns: string[];
  names: Map<string, string>;
}): MonthlyNotice {
  const scope = new Area(input.scopeCode);
  const counties = new Map<string, Area>();
  const townships = new Map<string, Area>();
  const areasOf = (county: string, township: string) => {
    if (!counties.has(county)) counties.set(county, new Area(county));
    if (!townships.has(township)) townships.set(township, new Area(township));
    return [scope, counties.get(county)!, townships.get(township)!];
  };
  const onTime = new Map(input.runs.map((r) => [r.countyCode, paidOnTime(input.month, r.sentOn)]));

  for (const s of input.summary) {
    const key = programKey(s.program, s.area);
    const current = s.month === input.month;
    for (const area of areasOf(s.countyCode, s.townshipCode)) {
      const row = area.row(key);
      addRow(current ? row.cur : row.prev, s);
      if (!current) continue;
      const late = onTime.get(s.countyCode) === false || s.kind === 'reissue';
      if (late) row.lateFen += s.paidFen;
      else row.onTimeFen += s.paidFen;
    }
  }
  for (const m of input.movements) {
    if (!(MOVEMENTS as readonly string[]).includes(m.movement)) continue;
    for (const area of areasOf(m.countyCode, m.townshipCode)) addMovement(area.row(programKey(m.program, m.area)), m.movement as Movement, m);
  }
  for (const f of input.firstResponse) {
    for (const area of areasOf(f.countyCode, f.townshipCode)) {
      area.firstResponse.opened += f.opened;
      area.firstResponse.paidFen += f.paidFen;
      area.firstResponse.awaiting += f.awaiting;
      area.firstResponse.overdue += f.overdue;
    }
  }
  for (const l of input.lateEntries ?? []) {
    for (const area of areasOf(l.countyCode, l.townshipCode)) area.lateEntries += l.count;
  }
  for (const r of input.reviews ?? []) {
    for (const area of areasOf(r.countyCode, r.townshipCode)) {
      area.reviews.due += r.due;
      area.reviews.done += r.done;
      area.reviews.overdue += r.overdue;
    }
  }

  const byCode = (a: string, b: string) => a.localeCompare(b);
  return {
    month: input.month,
    previousMonth: input.previousMonth,
    scope: scope.done(input.names),
    counties: [...counties.keys()].sort(byCode).map((code) => {
      const run = input.runs.find((r) => r.countyCode === code);
      return {
        ...counties.get(code)!.done(input.names),
        run: run ? { state: run.state, sentOn: run.sentOn, onTime: onTime.get(code) ?? null } : null,
        comparable: input.previousRuns.includes(code),
        townships: [...townships.keys()].filter((t) => t.startsWith(code)).sort(byCode).map((t) => townships.get(t)!.done(input.names)),
      };
    }),
  };
}
