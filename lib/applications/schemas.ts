import { z } from 'zod';
import { applicationKinds } from '@/db/schema/programs';
import { safeText } from '@/lib/core/safe-text';
import { acknowledgmentField, lateReasonField, noticeEvidenceField } from '@/lib/late-entries/schemas';

const uuid = z.uuid('记录不存在');
const version = z.coerce.number().int().min(1);
const day = z
  .string({ error: '请填写日期' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 2026-11-29')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), '不是有效日期');
/** A person's name (one line) or a written account (`multiline`): lib/core/safe-text.ts. */
const text = (label: string, min: number, max: number, message: string, multiline = false) =>
  safeText(label, { multiline, required: message }).min(min, message).max(max, `最多 ${max} 个字`);
const optionalNote = (label: string, max: number) =>
  z.preprocess((v) => (v === '' ? undefined : v), safeText(label, { multiline: true }).max(max, `最多 ${max} 个字`).optional());
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const createApplicationSchema = z
  .object({
    householdId: uuid,
    kind: z.enum(applicationKinds, { error: '请选择申请类型' }),
    memberId: z.preprocess((v) => (v === '' ? undefined : v), uuid.optional()),
    selfCareLevel: z.preprocess((v) => (v === '' ? undefined : v), z.enum(['full', 'partial', 'none']).optional()),
    closeRelative: checkbox,
    closeRelativeNote: optionalNote('近亲属关系说明', 200),
  })
  .superRefine((v, ctx) => {
    if (v.kind !== 'dibao_household' && !v.memberId) ctx.addIssue({ code: 'custom', path: ['memberId'], message: '请选择申请人' });
    if (v.kind.startsWith('tekun') && !v.selfCareLevel) ctx.addIssue({ code: 'custom', path: ['selfCareLevel'], message: '请选择生活自理能力' });
    if (v.closeRelative && !v.closeRelativeNote) ctx.addIssue({ code: 'custom', path: ['closeRelativeNote'], message: '请说明与哪位工作人员或村干部是近亲属' });
  });

const step = { applicationId: uuid, version };
// A step with a date carries the late-entry reason (required by the verb only when it is late).
const datedStep = { ...step, ...lateReasonField };

export const acceptSchema = z.object({
  ...datedStep,
  acceptedOn: day,
  // One notice lists every missing document; empty when the file is complete.
  missingDocuments: z.preprocess((v) => (typeof v === 'string' ? v.split(/\n|；|;/).map((s) => s.trim()).filter(Boolean) : v), z.array(safeText('材料名称').max(100, '每项材料最多 100 个字')).max(30, '最多 30 项材料')),
});

/** 不予受理: the date and the reason the notice gives the applicant. */
export const notAcceptSchema = z.object({
  ...datedStep,
  notAcceptedOn: day,
  reason: text('不予受理理由', 5, 500, '请写明不予受理的理由（至少 5 个字）'),
});

export const investigateSchema = z
  .object({
    ...datedStep,
    investigator1: text('调查人姓名', 2, 20, '请填写第一位调查人姓名'),
    investigator2: text('调查人姓名', 2, 20, '请填写第二位调查人姓名'),
    investigatedOn: day,
    findings: text('入户调查情况', 4, 2000, '请填写入户调查情况（至少 4 个字）', true),
  })
  .refine((v) => v.investigator1 !== v.investigator2, { path: ['investigator2'], message: '入户调查须由两名不同的工作人员进行' });

export const townshipOpinionSchema = z.object({ ...datedStep, opinion: text('乡镇审核意见', 2, 1000, '请填写乡镇审核意见', true), reviewedOn: day });
export const publicNoticeSchema = z.object({ ...datedStep, ...noticeEvidenceField, noticeStart: day });
export const objectionSchema = z.object({ ...datedStep, raisedOn: day, content: text('异议内容', 2, 1000, '请填写异议内容', true) });
export const countyVisitSchema = z.object({ ...datedStep, visitedOn: day, notes: text('县级入户核查情况', 4, 2000, '请填写县级入户核查情况', true) });
export const decideSchema = z
  .object({
    ...step,
    ...acknowledgmentField,
    decision: z.enum(['approve', 'refuse'], { error: '请选择审批结果' }),
    reason: optionalNote('审批意见', 1000),
  })
  .refine((v) => v.decision === 'approve' || (v.reason && v.reason.length >= 4), { path: ['reason'], message: '不予批准须写明理由' });
