// Inputs of the verification verbs (核对), shared by the forms, the server actions and the verbs.
import { z } from 'zod';
import { supporterRelations } from '@/db/schema/verification';
import { dateInput } from '@/lib/core/date-input';
import { idNumberSchema } from '@/lib/core/resident-id';
import { safeText } from '@/lib/core/safe-text';

const applicationId = z.uuid('申请不存在');
const ids = (message: string) =>
  z.preprocess((v) => (v === undefined || v === null || v === '' ? [] : Array.isArray(v) ? v : [v]), z.array(z.uuid(message)));

export const supporterSchema = z.object({
  applicationId,
  name: safeText('姓名', { required: '请填写赡养（抚养、扶养）人姓名' }).min(1, '请填写赡养（抚养、扶养）人姓名').max(40, '最多 40 个字'),
  idNumber: idNumberSchema(),
  relation: z.enum(supporterRelations, { error: '请选择法定义务类别' }),
  relationText: safeText('与申请人关系', { required: '请填写与申请人关系' }).min(1, '请填写与申请人关系（如 子女）').max(20, '最多 20 个字'),
});
export type SupporterInput = z.output<typeof supporterSchema>;

export const consentSchema = z.object({
  applicationId,
  signedOn: dateInput('签署日期', 'today'),
  memberIds: ids('所选成员不存在'),
  supporterIds: ids('所选赡养人不存在'),
});
export type ConsentInput = z.output<typeof consentSchema>;

export const withdrawSchema = z.object({
  applicationId,
  withdrawnOn: dateInput('撤回日期', 'today'),
  reason: safeText('撤回原因', { multiline: true, required: '请填写撤回原因' }).min(2, '请填写撤回原因（至少 2 个字）').max(500, '最多 500 个字'),
});
export type WithdrawInput = z.output<typeof withdrawSchema>;

export const requestSchema = z.object({ applicationId });
export type RequestInput = z.output<typeof requestSchema>;

export const departmentSchema = z.object({
  code: z.string().trim().regex(/^[a-z][a-z0-9_]{1,31}$/, '代码应为 2–32 位小写字母、数字或下划线，以字母开头'),
  name: safeText('部门名称', { required: '请填写部门名称' }).min(2, '请填写部门名称').max(40, '最多 40 个字'),
  matters: safeText('核对事项', { required: '请填写核对事项' }).min(2, '请填写核对事项').max(200, '最多 200 个字'),
});
export type DepartmentInput = z.output<typeof departmentSchema>;

export const departmentActiveSchema = z.object({
  departmentId: z.uuid('部门不存在'),
  active: z.preprocess((v) => v === true || v === 'true' || v === 'on', z.boolean()),
});
export type DepartmentActiveInput = z.output<typeof departmentActiveSchema>;
