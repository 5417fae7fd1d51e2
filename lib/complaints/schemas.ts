// Inputs of the complaint verbs, shared by the forms, the server actions and the verbs.
import { z } from 'zod';
import { complaintCategories, complaintChannels, complaintOutcomes, complaintReplyMethods, complaintStates } from '@/db/schema/complaints';
import { dateInput } from '@/lib/core/date-input';
import { safeText } from '@/lib/core/safe-text';
import { blankToUndefined } from '@/lib/households/schemas';

const text = (label: string, min: number, max: number, message: string, multiline = false) =>
  safeText(label, { multiline, required: message }).min(min, message).max(max, `最多 ${max} 个字`);
const optionalText = (label: string, max: number) => z.preprocess(blankToUndefined, safeText(label).max(max, `最多 ${max} 个字`).optional());
const optionalId = (message: string) => z.preprocess(blankToUndefined, z.uuid(message).optional());
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());
const complaintId = z.uuid('记录不存在');
const version = z.coerce.number().int().min(1);

export const intakeSchema = z
  .object({
    channel: z.enum(complaintChannels, { error: '请选择来源渠道' }),
    category: z.enum(complaintCategories, { error: '请选择投诉类别' }),
    anonymous: checkbox,
    complainantName: optionalText('投诉人姓名', 40),
    complainantPhone: z.preprocess(blankToUndefined, z.string().regex(/^[0-9+\- ]{5,20}$/, '联系电话应为 5–20 位数字，如 13800000000').optional()),
    regionCode: z.string({ error: '请选择所涉地区' }).regex(/^(\d{6}|\d{9})$/, '请选择所涉县（市、区）或乡镇'),
    receivedOn: dateInput('收到日期', 'today'),
    content: text('投诉内容', 5, 2000, '请填写投诉举报内容（至少 5 个字）', true),
    householdId: optionalId('所选家庭不存在'),
    applicationId: optionalId('所选申请不存在'),
    enrollmentId: optionalId('所选在册记录不存在'),
    subjectUserId: optionalId('所选工作人员不存在'),
  })
  .superRefine((v, ctx) => {
    if (v.anonymous && v.complainantName) ctx.addIssue({ code: 'custom', path: ['complainantName'], message: '匿名投诉不填写投诉人姓名' });
    if (v.anonymous && v.complainantPhone) ctx.addIssue({ code: 'custom', path: ['complainantPhone'], message: '匿名投诉不填写联系电话' });
  });
export type IntakeInput = z.output<typeof intakeSchema>;

export const assignSchema = z.object({ complaintId, version, handlerId: z.uuid('请选择承办人') });
export type AssignInput = z.output<typeof assignSchema>;

export const noteSchema = z.object({
  complaintId,
  notedOn: dateInput('调查日期', 'today'),
  text: text('调查核实情况', 5, 2000, '请填写调查核实情况（至少 5 个字）', true),
});
export type NoteInput = z.output<typeof noteSchema>;

export const outcomeSchema = z.object({
  complaintId,
  version,
  outcome: z.enum(complaintOutcomes, { error: '请选择办理结果' }),
  outcomeText: text('结果说明', 5, 2000, '请填写结果说明（至少 5 个字）', true),
});
export type OutcomeInput = z.output<typeof outcomeSchema>;

export const replySchema = z.object({
  complaintId,
  version,
  replyOn: dateInput('答复日期', 'today'),
  replyMethod: z.enum(complaintReplyMethods, { error: '请选择答复方式' }),
  replyText: text('答复内容', 5, 2000, '请填写答复内容（至少 5 个字）', true),
});
export type ReplyInput = z.output<typeof replySchema>;

export const complaintFilterSchema = z.object({
  status: z.preprocess(blankToUndefined, z.enum(complaintStates).optional()).catch(undefined),
  category: z.preprocess(blankToUndefined, z.enum(complaintCategories).optional()).catch(undefined),
  overdue: z.preprocess((v) => v === '1' || v === 'true' || v === true, z.boolean()).catch(false),
});
export type ComplaintFilter = z.output<typeof complaintFilterSchema>;
