import { z } from 'zod';
import { safeText } from '@/lib/core/safe-text';
import { endReasons } from '@/lib/enrollments/end-reasons';

const uuid = z.uuid('记录不存在');
const month = z.string({ error: '请选择月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-12');
const day = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-11-29')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '不是有效日期');
const name = (message: string) => safeText('调查人姓名', { required: message }).min(2, message).max(20, '最多 20 个字');
const optional = (label: string, max: number) =>
  z.preprocess((v) => (v === '' || v === null ? undefined : v), safeText(label, { multiline: true }).max(max, `最多 ${max} 个字`).optional());

export const createBatchSchema = z.object({
  townshipCode: z.string({ error: '请选择乡镇（街道）' }).regex(/^\d{9}$/, '请选择乡镇（街道）'),
  month,
});

const ids = (v: unknown) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : typeof v === 'object' && v ? Object.values(v) : [v]);

/** The ticked reviews, or (范围 = 全部未分派) every open one nobody has yet. */
export const assignReviewsSchema = z
  .object({
    batchId: uuid,
    scope: z.enum(['selected', 'unassigned'], { error: '请选择分派范围' }).default('selected'),
    reviewIds: z.preprocess(ids, z.array(uuid).max(5000, '一次最多分派 5000 户')),
    assigneeId: z.uuid('请选择调查人'),
  })
  .refine((v) => v.scope === 'unassigned' || v.reviewIds.length > 0, { path: ['reviewIds'], message: '请勾选要分派的复核，或选择“全部未分派”' });

export const reviewOutcomeChoices = ['keep', 'recompute', 'stop'] as const;

export const recordReviewSchema = z
  .object({
    reviewId: uuid,
    version: z.coerce.number().int().min(1),
    visitedOn: day,
    investigator1: name('请填写第一位调查人姓名'),
    investigator2: name('请填写第二位调查人姓名'),
    findings: safeText('复核情况', { multiline: true, required: '请填写入户复核情况（至少 4 个字）' }).min(4, '请填写入户复核情况（至少 4 个字）').max(2000, '最多 2000 个字'),
    // The household's class sets the next review: yearly when stable, half-yearly when not (特困: yearly).
    reviewCycle: z.enum(['stable', 'unstable'], { error: '请选择复核周期' }),
    outcome: z.enum(reviewOutcomeChoices, { error: '请选择复核结论' }),
    effectiveMonth: z.preprocess((v) => (v === '' ? undefined : v), month.optional()),
    hearingNote: optional('告知及陈述申辩情况', 1000),
    reasonCode: z.preprocess((v) => (v === '' ? undefined : v), z.enum(endReasons, { error: '请选择终止原因' }).optional()),
  })
  .superRefine((v, ctx) => {
    if (v.investigator1 === v.investigator2) ctx.addIssue({ code: 'custom', path: ['investigator2'], message: '入户复核须由两名不同的工作人员进行' });
    if (v.outcome !== 'keep' && !v.effectiveMonth) ctx.addIssue({ code: 'custom', path: ['effectiveMonth'], message: '请填写变更生效月份' });
    if (v.outcome === 'stop' && !v.reasonCode) ctx.addIssue({ code: 'custom', path: ['reasonCode'], message: '请选择终止原因' });
    if (v.outcome === 'stop' && !v.hearingNote) ctx.addIssue({ code: 'custom', path: ['hearingNote'], message: '终止保障须记录对保障对象的告知和陈述申辩情况' });
  });
