import { z } from 'zod';
import { dateInput } from '@/lib/core/date-input';
import { safeText } from '@/lib/core/safe-text';

export const addStandardSchema = z.object({
  key: z.string({ error: '请选择标准项目' }).regex(/^[a-z_]+\/[a-z_]+$/, '请选择标准项目'),
  regionCode: z.string().regex(/^\d{6}$/, '请选择市或县'),
  effectiveFrom: dateInput('生效日期'),
  value: safeText('数值').min(1, '请填写数值').max(200, '数值不能超过 200 个字'),
  note: safeText('依据或说明', { multiline: true }).min(2, '请填写依据或说明（如文件号）').max(200, '依据或说明不能超过 200 个字'),
});

export const calendarDaySchema = z.object({
  day: dateInput('日期'),
  kind: z.enum(['holiday', 'workday'], { error: '请选择类型' }),
  note: safeText('说明').min(1, '请填写说明，如“国庆节”').max(60, '说明不能超过 60 个字'),
});
