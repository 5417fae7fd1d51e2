// The audit log's filter, as the /audit page's GET form puts it in the URL and as the export's
// POST sends it: one schema for the page, the route handler and the bench. Pure (no database).
import { z } from 'zod';
import { isIsoDate } from '@/lib/core/calendar-date';
import { safeText } from '@/lib/core/safe-text';
import { isUuid } from '@/lib/core/uuid';
import { auditActionLabels, auditEntityLabels } from './labels';

/** 操作记录 (every change) or 登录记录 (sign-ins and sign-outs, `auth.*`). */
export type AuditTab = 'changes' | 'signins';
export const auditTabLabels: Record<AuditTab, string> = { changes: '操作记录', signins: '登录记录' };

export const isSignInAction = (action: string) => action.startsWith('auth.');

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const optional = <T extends z.ZodType>(t: T) => z.preprocess(blank, t.optional());
const date = (label: string) => optional(z.string().refine(isIsoDate, `${label}请填写为 YYYY-MM-DD 的日期`));

export const auditFilterSchema = z
  .object({
    tab: z.enum(['changes', 'signins']).optional().catch(undefined),
    actor: optional(z.string().refine(isUuid, '请从列表中选择操作人')),
    action: optional(z.string().refine((a) => Object.hasOwn(auditActionLabels, a), '请从列表中选择操作')),
    entity: optional(z.string().refine((e) => Object.hasOwn(auditEntityLabels, e), '请从列表中选择对象类型')),
    entityId: optional(safeText('对象编号').max(64, '对象编号最多 64 个字符')),
    region: optional(z.string().regex(/^(\d{6}|\d{9})$/, '请从列表中选择地区')),
    from: date('开始日期'),
    to: date('结束日期'),
    q: optional(safeText('原因中的文字').max(40, '原因中的文字最多 40 个字')),
    // A cursor the server did not write starts the log from its first page (cursor.ts).
    after: z.string().max(200).optional().catch(undefined),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: '结束日期不能早于开始日期' });

export type AuditFilter = z.output<typeof auditFilterSchema>;

/** The tab a filter asks for: 登录记录 when asked, or when the chosen action is a sign-in. */
export function tabOf(f: Pick<AuditFilter, 'tab' | 'action'>): AuditTab {
  if (f.action) return isSignInAction(f.action) ? 'signins' : 'changes';
  return f.tab ?? 'changes';
}

/** First values of a URL's search params (Next gives string | string[]). */
export function firstValues(raw: Record<string, string | string[] | undefined>): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

/** The filter as URL search params, without empty fields (and without the cursor unless given). */
export function filterParams(f: AuditFilter, after?: string): URLSearchParams {
  const p = new URLSearchParams();
  const { after: _after, ...rest } = f;
  for (const [k, v] of Object.entries({ ...rest, tab: tabOf(f) })) if (v) p.set(k, v);
  if (after) p.set('after', after);
  return p;
}
