import { z } from 'zod';
import { safeText } from '@/lib/core/safe-text';

/** What a search box string means: the caseworker types one thing, the system decides what. */
export type SearchTerm =
  | { kind: 'none' }
  | { kind: 'id'; value: string }
  | { kind: 'id_suffix'; value: string }
  | { kind: 'phone'; value: string }
  | { kind: 'name'; value: string }
  | { kind: 'invalid'; message: string };

export function classifySearch(raw: string | undefined): SearchTerm {
  const q = (raw ?? '').trim().replace(/\s+/g, '');
  if (q === '') return { kind: 'none' };
  if (/^\d{17}[\dXx]$/.test(q)) return { kind: 'id', value: q.toUpperCase() };
  if (/^1[3-9]\d{9}$/.test(q) || /^0\d{2,3}-?\d{7,8}$/.test(q)) return { kind: 'phone', value: q };
  if (/^\d{3,16}[\dXx]?$/.test(q)) {
    if (q.length < 4) return { kind: 'invalid', message: '按身份证号后几位查询时，请至少输入 4 位' };
    return { kind: 'id_suffix', value: q.toUpperCase() };
  }
  if (/^[\p{Script=Han}·A-Za-z]+$/u.test(q)) {
    if ([...q].length < 2) return { kind: 'invalid', message: '按姓名查询时，请至少输入两个字' };
    return { kind: 'name', value: q };
  }
  return { kind: 'invalid', message: '请输入姓名、身份证号（全部或后几位）或电话号码' };
}

const code = (len: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.string().regex(new RegExp(`^\\d{${len}}$`)).optional());

export const searchParamsSchema = z.object({
  q: safeText('查询内容').max(40, '查询内容最多 40 个字').optional(),
  county: code(6),
  township: code(9),
  village: code(12),
  poor: z.enum(['yes', 'no', '']).optional(),
  sort: z.enum(['newest', 'oldest', 'name']).optional().catch('newest'),
  // A cursor the server did not write starts the list from its first page (see list-cursor.ts).
  after: z.string().max(200).optional().catch(undefined),
});

export type SearchParams = z.output<typeof searchParamsSchema>;
