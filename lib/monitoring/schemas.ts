import { z } from 'zod';
import { alertOutcomes } from '@/db/schema';

/** The outcome form: 无需救助 only with a reason. Shared by the form and the verb. */
export const alertOutcomeSchema = z
  .object({
    alertId: z.uuid({ error: '预警不存在' }),
    outcome: z.enum(alertOutcomes, { error: '请选择处理结果' }),
    reason: z.string().trim().max(500, { error: '说明不能超过 500 字' }).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'no_aid' && v.reason === '') ctx.addIssue({ code: 'custom', path: ['reason'], message: '选择“无需救助”时须填写理由' });
  });

export const monitoredFlagSchema = z.object({
  householdId: z.uuid({ error: '家庭不存在' }),
  reason: z.enum(['near_dibao', 'rigid_spending', 'other', 'none'], { error: '请选择监测类别' }),
  note: z.preprocess((v) => (v === '' ? undefined : v), z.string().trim().max(200, { error: '说明不能超过 200 字' }).optional()),
});

export const assignOwnerSchema = z.object({
  alertId: z.uuid({ error: '预警不存在' }),
  ownerId: z.uuid({ error: '请选择承办人' }),
});
