// The beneficiaries list's (在册名单) filter, as the applications list has it: program, status,
// township, monthly amount range and cursor travel in the URL (a GET form); the search term
// only in a POST body (a name or a resident ID must not appear in URLs or logs). Pure, shared
// by the page, the search action and the export route.
import { z } from 'zod';
import { enrollmentStatuses, programs } from '@/db/schema/programs';
import { safeText } from '@/lib/core/safe-text';

type Program = (typeof programs)[number];
type EnrollmentStatus = (typeof enrollmentStatuses)[number];

export const programLabels: Record<Program, string> = {
  dibao: '低保',
  tekun: '特困',
  dis_living: '残疾人生活补贴',
  dis_care: '重度残疾人护理补贴',
};

export const enrollmentStatusLabels: Record<EnrollmentStatus, string> = {
  proposed: '待确认',
  active: '在册',
  suspended: '暂停发放',
  terminated: '已终止',
};

const blank = (v: unknown) => (v === '' || v === null ? undefined : Array.isArray(v) ? v[0] : v);
// A value the form does not offer (an edited URL) is no filter, never an error page.
const optional = <T extends z.ZodTypeAny>(schema: T) => z.preprocess(blank, schema.optional()).catch(undefined);
// The amounts are checked by amountRange() below, so that a bad one gets a message by its field.
const amountText = z.preprocess((v) => (typeof blank(v) === 'string' ? String(blank(v)).trim() || undefined : undefined), z.string().max(20).optional()).catch(undefined);

export const enrollmentListFilterSchema = z.object({
  program: optional(z.enum(programs)),
  status: optional(z.enum(enrollmentStatuses)),
  township: optional(z.string().regex(/^\d{9}$/)),
  amountFrom: amountText,
  amountTo: amountText,
  after: optional(z.string().max(200)),
});

/** The search box: a name (two characters or more), a full resident ID or its last digits. */
export const enrollmentListSearchSchema = enrollmentListFilterSchema.extend({
  q: z.preprocess(blank, safeText('查询内容').max(40, '查询内容最多 40 个字').optional()),
});

export type EnrollmentListFilter = z.output<typeof enrollmentListSearchSchema>;

export type AmountRange =
  | { ok: true; minFen?: number; maxFen?: number }
  | { ok: false; fieldErrors: Partial<Record<'amountFrom' | 'amountTo', string>> };

const YUAN = /^\d{1,9}(\.\d{1,2})?$/;
/** Yuan as typed (≥ 0, at most two decimals) to integer fen, without floating point. */
function toFen(text: string): number | undefined {
  if (!YUAN.test(text)) return undefined;
  const [whole, frac = ''] = text.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0'));
}

/** The 月金额 range in fen, or a Chinese message by each field that is wrong. */
export function amountRange(filter: Pick<EnrollmentListFilter, 'amountFrom' | 'amountTo'>): AmountRange {
  const fieldErrors: Partial<Record<'amountFrom' | 'amountTo', string>> = {};
  const minFen = filter.amountFrom === undefined ? undefined : toFen(filter.amountFrom);
  const maxFen = filter.amountTo === undefined ? undefined : toFen(filter.amountTo);
  const bad = '请输入不小于 0 的金额（元），最多两位小数';
  if (filter.amountFrom !== undefined && minFen === undefined) fieldErrors.amountFrom = bad;
  if (filter.amountTo !== undefined && maxFen === undefined) fieldErrors.amountTo = bad;
  if (minFen !== undefined && maxFen !== undefined && minFen > maxFen) fieldErrors.amountTo = '月金额（止）不能小于月金额（起）';
  return Object.keys(fieldErrors).length > 0 ? { ok: false, fieldErrors } : { ok: true, minFen, maxFen };
}

/** The filter's fields as they go back into a form or a URL (no search term, no cursor). */
export function enrollmentFilterEntries(filter: EnrollmentListFilter): [string, string][] {
  const { q: _q, after: _after, ...rest } = filter;
  return Object.entries(rest).filter((e): e is [string, string] => typeof e[1] === 'string' && e[1] !== '');
}
