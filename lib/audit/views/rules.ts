// 审计视图: the records an auditor looks at twice. Pure (no database): the steps a person may not
// hold together, the views' names and their filter. The queries beside it find the candidates
// in SQL; the steps they list come from here.
import { z } from 'zod';
import { isIsoDate } from '@/lib/core/calendar-date';

export const auditViewKeys = ['same-hands', 'bank-before-payout', 'deceased-paid', 'approved-over-flags', 'id-reveals'] as const;
export type AuditViewKey = (typeof auditViewKeys)[number];

export const auditViewTitles: Record<AuditViewKey, string> = {
  'same-hands': '同一人经办多个环节',
  'bank-before-payout': '发放前变更银行账户',
  'deceased-paid': '已故成员仍在发放',
  'approved-over-flags': '带未解决标记批准的发放',
  'id-reveals': '查看完整身份证号（按用户）',
};

/** The steps of a record, in their order, by the user who did each (null: not done). */
export type StepHands = Record<string, string | null | undefined>;

export const stepLabels: Record<string, string> = {
  created: '录入',
  accepted: '受理',
  investigated: '入户调查',
  accounted: '情况说明',
  townshipReviewed: '乡镇审核',
  countyVisit: '县级核查',
  decided: '审批',
  completed: '办结',
  proposed: '提请',
  prepared: '生成',
  approved: '审批',
};

/**
 * The steps the checker of a record also did as maker: the person who decided (or completed,
 * or approved) and every earlier step of theirs, in order. Empty when the checker did nothing
 * else, or nobody has checked yet. `checker` names the deciding step in `hands`.
 */
export function sameHandsSteps(hands: StepHands, checker: string): string[] {
  const who = hands[checker];
  if (!who) return [];
  const earlier = Object.entries(hands).filter(([k, v]) => k !== checker && v === who).map(([k]) => k);
  return earlier.length === 0 ? [] : [...earlier, checker];
}

export const DEFAULT_DAYS = 30;

const blank = (v: unknown) => (v === '' || v === null ? undefined : v);
const date = (label: string) => z.preprocess(blank, z.string().refine(isIsoDate, `${label}请填写为 YYYY-MM-DD 的日期`).optional());

/** The views page's filter (GET form): N days before a run, and the date range of the reveals. */
export const auditViewsFilterSchema = z
  .object({
    days: z.preprocess(blank, z.coerce.number({ error: '天数请填写 1 到 365 的整数' }).int('天数请填写 1 到 365 的整数').min(1, '天数请填写 1 到 365 的整数').max(365, '天数请填写 1 到 365 的整数').default(DEFAULT_DAYS)),
    from: date('开始日期'),
    to: date('结束日期'),
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: '结束日期不能早于开始日期' });

export type AuditViewsFilter = z.output<typeof auditViewsFilterSchema>;

/** The first day of a run's month: a death before it means the run paid after the death's month. */
export const monthStart = (month: string) => `${month}-01`;
