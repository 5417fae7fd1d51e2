// The columns of the monthly notice, written once for the page, the print page and the XLSX
// file: what each shows, how it is grouped under a heading, and which records it drills into.
import type { FirstResponse, MonthlyNotice, Movement, NoticeArea, NoticeRow, ReviewFigures } from './notice-build';
import { movementLabels } from './rules';
import { keyFilter, linesHref, type LinesFilter } from './schemas';

export interface Place {
  month: string;
  previousMonth: string;
  county?: string;
  township?: string;
}

export interface NoticeColumn {
  group: string;
  header: string;
  money?: boolean;
  /** null: not meaningful for this row (households of the all-programs total). */
  value: (row: NoticeRow, area: Pick<NoticeArea, 'firstResponse' | 'lateEntries' | 'reviews'>) => number | null;
  href?: (row: NoticeRow, place: Place) => string | null;
}

function drill(row: NoticeRow, place: Place, extra: Partial<LinesFilter>, month = place.month): string {
  return linesHref({ month, county: place.county, township: place.township, ...keyFilter(row.key), ...extra });
}

const total = (row: NoticeRow) => row.key === '';
const movement = (m: Movement): NoticeColumn => ({
  group: '较上月变动（户 / 人）',
  header: movementLabels[m]!,
  value: (r) => r.movements[m]?.count ?? 0,
  href: (r, p) => drill(r, p, { movement: m }),
});
const firstResponse = (header: string, value: (f: FirstResponse) => number, query: (p: Place) => string): NoticeColumn => ({
  group: '先行救助（件）',
  header,
  // Cases belong to a place, not to a program: shown on the place's total row only.
  value: (r, a) => (total(r) ? value(a.firstResponse) : null),
  href: (r, p) => (total(r) ? `/temp-aid?kind=first_response${query(p)}${p.township ? `&township=${p.township}` : ''}` : null),
});

const review = (header: string, value: (f: ReviewFigures) => number): NoticeColumn => ({
  group: '定期复核（户）',
  header,
  // Reviews belong to a place (dibao and 特困 together): on the place's total row only.
  value: (r, a) => (total(r) ? value(a.reviews) : null),
  href: (r, p) => (total(r) ? `/reviews?month=${p.month}` : null),
});

export const noticeColumns: NoticeColumn[] = [
  { group: '本月', header: '户数', value: (r) => (total(r) ? null : r.cur.households), href: (r, p) => drill(r, p, { roll: '1' }) },
  { group: '本月', header: '人数', value: (r) => (total(r) ? null : r.cur.persons), href: (r, p) => drill(r, p, { roll: '1' }) },
  { group: '本月', header: '人次（已发放）', value: (r) => r.cur.paidPersonMonths, href: (r, p) => drill(r, p, { status: 'paid' }) },
  { group: '本月', header: '应发金额', money: true, value: (r) => r.cur.amountFen, href: (r, p) => drill(r, p, {}) },
  { group: '本月', header: '已发放', money: true, value: (r) => r.cur.paidFen, href: (r, p) => drill(r, p, { status: 'paid' }) },
  { group: '本月', header: '发放失败', money: true, value: (r) => r.cur.failedFen, href: (r, p) => drill(r, p, { status: 'failed' }) },
  { group: '本月', header: '账户待补未发', money: true, value: (r) => r.cur.blockedFen, href: (r, p) => drill(r, p, { status: 'blocked' }) },
  { group: '本月', header: '待银行回盘', money: true, value: (r) => r.cur.pendingFen, href: (r, p) => drill(r, p, { status: 'pending' }) },
  { group: '上月', header: '户数', value: (r) => (total(r) ? null : r.prev.households), href: (r, p) => drill(r, p, { roll: '1' }, p.previousMonth) },
  { group: '上月', header: '月度发放金额', money: true, value: (r) => r.prev.rollFen, href: (r, p) => drill(r, p, { roll: '1' }, p.previousMonth) },
  { group: '较上月变动（户 / 人）', header: '户数增减', value: (r) => (total(r) ? null : r.cur.households - r.prev.households) },
  { group: '较上月变动（户 / 人）', header: '金额增减', money: true, value: (r) => r.cur.rollFen - r.prev.rollFen },
  movement('new'),
  movement('stopped'),
  movement('attrition'),
  movement('increased'),
  movement('decreased'),
  movement('moved_in'),
  movement('moved_out'),
  { group: '发放时效', header: '按月按时', money: true, value: (r) => r.onTimeFen, href: (r, p) => drill(r, p, { status: 'paid' }) },
  { group: '发放时效', header: '延迟发放', money: true, value: (r) => r.lateFen, href: (r, p) => drill(r, p, r.lateFen > r.cur.reissuePaidFen ? { status: 'paid' } : { status: 'paid', kind: 'reissue' }) },
  firstResponse('本月', (f) => f.opened, (p) => `&year=${p.month.slice(0, 4)}`),
  firstResponse('待办结', (f) => f.awaiting, () => '&state=paid_awaiting_completion'),
  firstResponse('超期', (f) => f.overdue, () => '&state=paid_awaiting_completion'),
  {
    group: '补录（件）',
    header: '本月录入',
    // Late entries belong to a place, not to a program: on the place's total row only.
    value: (r, a) => (total(r) ? a.lateEntries : null),
    href: (r, p) => (total(r) ? `/reports/late-entries?month=${p.month}${p.county ? `&county=${p.county}` : ''}${p.township ? `&township=${p.township}` : ''}` : null),
  },
  review('本月到期', (f) => f.due),
  review('本月办结', (f) => f.done),
  review('逾期未复核', (f) => f.overdue),
];

/** Consecutive columns under the same heading, for a two-row header. */
export function columnGroups(columns: NoticeColumn[] = noticeColumns): { group: string; span: number }[] {
  const out: { group: string; span: number }[] = [];
  for (const c of columns) {
    const last = out.at(-1);
    if (last && last.group === c.group) last.span += 1;
    else out.push({ group: c.group, span: 1 });
  }
  return out;
}

export interface NoticeBlock {
  label: string;
  area: NoticeArea;
  place: Place;
}

/**
 * The notice's blocks of rows: the counties (and the whole region's total when there are
 * several), then the townships inside them. A township user's notice is their township alone.
 */
export function noticeBlocks(n: MonthlyNotice): { main: NoticeBlock[]; townships: NoticeBlock[] } {
  const base = { month: n.month, previousMonth: n.previousMonth };
  const many = n.counties.length > 1;
  const townships = n.counties.flatMap((c) =>
    c.townships.map((t) => ({ label: many ? `${c.name} ${t.name}` : t.name, area: t, place: { ...base, county: c.code, township: t.code } })),
  );
  if (n.scope.code.length === 9) return { main: townships, townships: [] };
  const counties = n.counties.map((c) => ({ label: c.name, area: c as NoticeArea, place: { ...base, county: c.code } }));
  return { main: many ? [...counties, { label: `${n.scope.name}合计`, area: n.scope, place: base }] : counties, townships };
}
