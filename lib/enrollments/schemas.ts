import { z } from 'zod';
import { safeText } from '@/lib/core/safe-text';
import { endReasons } from './end-reasons';

const month = z.string({ error: '请填写生效月份' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 2026-12');

export const proposeChangeSchema = z
  .object({
    enrollmentId: z.uuid('记录不存在'),
    version: z.coerce.number().int().min(1),
    kind: z.enum(['recompute', 'suspend', 'terminate', 'resume'], { error: '请选择变更类型' }),
    effectiveMonth: month,
    reason: safeText('变更原因', { multiline: true, required: '请填写原因' }).min(4, '请写明原因（至少 4 个字）').max(1000, '变更原因不能超过 1000 字'),
    hearingNote: z.preprocess((v) => (v === '' ? undefined : v), safeText('告知及陈述申辩情况', { multiline: true }).max(1000, '告知及陈述申辩情况不能超过 1000 字').optional()),
    gradualExitMonths: z.preprocess((v) => (v === '' || v === undefined ? undefined : v), z.coerce.number().int().min(1, '渐退期至少 1 个月').max(24).optional()),
    reasonCode: z.preprocess((v) => (v === '' ? undefined : v), z.enum(endReasons, { error: '请选择终止原因' }).optional()),
  })
  .refine((v) => v.kind !== 'terminate' || !!v.reasonCode, { path: ['reasonCode'], message: '请选择终止原因' })
  .refine((v) => v.kind === 'resume' || v.kind === 'recompute' || !!v.hearingNote, {
    path: ['hearingNote'],
    message: '暂停或终止保障须记录对保障对象的告知和陈述申辩情况',
  });

export const decideChangeSchema = z
  .object({
    changeId: z.uuid('记录不存在'),
    decision: z.enum(['approve', 'reject'], { error: '请选择' }),
    reason: z.preprocess((v) => (v === '' ? undefined : v), safeText('意见', { multiline: true }).max(1000, '意见不能超过 1000 字').optional()),
  })
  .refine((v) => v.decision === 'approve' || !!v.reason, { path: ['reason'], message: '不同意须写明理由' });

export const confirmSubsidySchema = z.object({
  enrollmentId: z.uuid('记录不存在'),
  householdId: z.uuid('记录不存在'),
  version: z.coerce.number().int(),
  confirm: z.enum(['yes', 'no'], { error: '请选择' }).transform((v) => v === 'yes'),
  reason: safeText('理由', { multiline: true }).max(500, '理由不能超过 500 字').optional(),
});
