import { z } from 'zod';
import { subsidyPrograms } from '@/db/schema/subsidies';
import { safeText } from '@/lib/core/safe-text';
import { disabilityKindDigits } from './rules';

const uuid = z.uuid('记录不存在');
const version = z.coerce.number().int().min(1);
const day = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-11-29')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '不是有效日期');
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

/** 受理: the member, the subsidy, the date; for the care subsidy whether long-term care is needed. */
export const acceptSubsidySchema = z.object({
  memberId: uuid,
  program: z.enum(subsidyPrograms, { error: '请选择补贴类别' }),
  acceptedOn: day,
  needsLongTermCare: checkbox,
});

/** 证件核验: what the 残疾人证 says. */
export const verifySubsidySchema = z.object({
  applicationId: uuid,
  version,
  certificateNumber: z
    .string({ error: '请填写残疾人证号' })
    .trim()
    .toUpperCase()
    .regex(/^\d{17}[\dX]\d{2}$/, '残疾人证号应为 20 位：身份证号 18 位，加残疾类别 1 位、等级 1 位'),
  certificateKind: z.enum(disabilityKindDigits, { error: '请选择残疾类别' }),
  certificateGrade: z.coerce.number({ error: '请选择残疾等级' }).int('请选择残疾等级').min(1, '残疾等级为 1–4 级').max(4, '残疾等级为 1–4 级'),
  validUntil: day,
  verifiedOn: day,
});

/** 审批: approve, or refuse with the reason. */
export const decideSubsidySchema = z
  .object({
    applicationId: uuid,
    version,
    decision: z.enum(['approve', 'refuse'], { error: '请选择审批意见' }),
    reason: z.preprocess((v) => (v === '' ? undefined : v), safeText('审批理由', { multiline: true }).max(500, '最多 500 个字').optional()),
  })
  .refine((v) => v.decision === 'approve' || (v.reason && v.reason.length >= 2), { path: ['reason'], message: '不予批准须写明理由' });

export const subsidyListSchema = z.object({
  program: z.preprocess((v) => (v === '' ? undefined : v), z.enum(subsidyPrograms).optional()),
  state: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['accepted', 'verified', 'approved', 'refused']).optional()),
});
