// The query strings of the report pages: filters only, never a name or an ID (a drill-down URL
// may end up in a log or a browser history).
import { z } from 'zod';
import { lineKinds } from '@/db/schema/payouts';
import { blankToUndefined } from '@/lib/households/schemas';
import { MOVEMENTS } from './notice-build';
import { monthCount, splitProgramKey } from './rules';

/** The longest period a report adds up: twenty years. */
export const MAX_MONTHS = 240;

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-12');
const opt = <T extends z.ZodType>(s: T) => z.preprocess(blankToUndefined, s.optional());

export const monthQuerySchema = z.object({ month: opt(month) });

export const periodQuerySchema = z
  .object({ from: month, to: month })
  .refine((v) => v.from <= v.to, { path: ['to'], message: '结束月份不能早于开始月份' })
  .refine((v) => monthCount(v.from, v.to) <= MAX_MONTHS, { path: ['from'], message: '区间最长 20 年' });

export const lineStatusFilters = ['paid', 'failed', 'blocked', 'pending'] as const;

const linesFilterFields = z.object({
  month: opt(month),
  from: opt(month),
  to: opt(month),
  county: opt(z.string().regex(/^\d{6}$/)),
  township: opt(z.string().regex(/^\d{9}$/)),
  program: opt(z.enum(['dibao', 'tekun', 'dis_living', 'dis_care', 'price', 'temp'])),
  area: opt(z.enum(['urban', 'rural'])),
  kind: opt(z.enum(lineKinds)),
  // The kinds that make the month's roll (households and persons), without adjustments.
  roll: opt(z.enum(['1'])),
  status: opt(z.enum(lineStatusFilters)),
  movement: opt(z.enum(MOVEMENTS)),
  // The keyset cursor (the last line's id): one that is not a line id starts from the first page.
  after: opt(z.coerce.number().int().positive()).catch(undefined),
});

export const linesFilterSchema = linesFilterFields
  .refine((v) => !!v.month || (!!v.from && !!v.to && v.from <= v.to && monthCount(v.from, v.to) <= MAX_MONTHS), { path: ['month'], message: '请选择月份或起止月份' })
  .refine((v) => !v.movement || !!v.month, { path: ['movement'], message: '变动原因只能按月查看' });

export type LinesFilter = z.output<typeof linesFilterSchema>;

/** A drill-down link: /reports/lines with the filters, in a stable order. */
export function linesHref(filter: Omit<LinesFilter, 'after'>): string {
  const order: (keyof Omit<LinesFilter, 'after'>)[] = ['month', 'from', 'to', 'county', 'township', 'program', 'area', 'kind', 'roll', 'status', 'movement'];
  const q = new URLSearchParams();
  for (const k of order) {
    const v = filter[k];
    if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  }
  return `/reports/lines?${q.toString()}`;
}

const programFilter = linesFilterFields.pick({ program: true, area: true });

/** The program and area of a report row ('dibao:rural', 'price', '' for all programs) as filters. */
export function keyFilter(key: string): Pick<LinesFilter, 'program' | 'area'> {
  if (key === '') return {};
  const parsed = programFilter.safeParse(splitProgramKey(key));
  return parsed.success ? parsed.data : {};
}
