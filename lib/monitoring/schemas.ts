import { z } from 'zod';
import { alertOutcomes } from '@/db/schema';
import { safeText } from '@/lib/core/safe-text';

/** The outcome form: 无需救助 only with a reason. Shared by the form and the verb. */
export const alertOutcomeSchema = z
  .object({
    alertId: z.uuid({ error: '预警不存在' }),
    outcome: z.enum(alertOutcomes, { error: '请选择处理结果' }),
    reason: z.preprocess((v) => v ?? '', safeText('说明', { multiline: true }).max(500, '说明不能超过 500 字')),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'no_aid' && v.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: '选择“无需救助”时须填写理由' });
  });

export const monitoredFlagSchema = z.object({
  householdId: z.uuid({ error: '家庭不存在' }),
  reason: z.enum(['near_dibao', 'rigid_spending', 'other', 'none'], { error: '请选择监测类别' }),
  note: z.preprocess((v) => (v === '' ? undefined : v), safeText('说明').max(200, '说明不能超过 200 字').optional()),
});

export const assignOwnerSchema = z.object({
  alertId: z.uuid({ error: '预警不存在' }),
  ownerId: z.uuid({ error: '请选择承办人' }),
});
