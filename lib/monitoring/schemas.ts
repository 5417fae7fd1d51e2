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
