import { z } from 'zod';

export const addStandardSchema = z.object({
  key: z.string({ error: '请选择标准项目' }).regex(/^[a-z_]+\/[a-z_]+$/, '请选择标准项目'),
  regionCode: z.string().regex(/^\d{6}$/, '请选择市或县'),
  effectiveFrom: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请填写生效日期，如 2026-01-01'),
  value: z.string({ error: '请填写数值' }).trim().min(1, '请填写数值').max(200),
  note: z.string().trim().min(2, '请填写依据或说明（如文件号）').max(200),
});

export const calendarDaySchema = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '请填写日期，如 2026-10-01'),
  kind: z.enum(['holiday', 'workday'], { error: '请选择类型' }),
  note: z.string().trim().min(1, '请填写说明，如“国庆节”').max(60),
});
