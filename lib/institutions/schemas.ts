// Inputs of the institution verbs, shared by the forms, the server actions and the verbs.
import { z } from 'zod';
import { institutionKinds, institutionStatuses } from '@/db/schema/institutions';
import { dateInput } from '@/lib/core/date-input';
import { safeText } from '@/lib/core/safe-text';
import { idNumberSchema } from '@/lib/core/resident-id';

const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());
const required = (label: string, max: number) => safeText(label, { required: `请填写${label}` }).min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);

export const institutionFields = {
  name: required('机构名称', 60),
  townshipCode: z.string({ error: '请选择机构所在乡镇' }).regex(/^\d{9}$/, '请选择机构所在乡镇'),
  address: required('地址', 120),
  capacity: z.coerce.number({ error: '核定床位应为整数' }).int('核定床位应为整数').min(1, '核定床位至少 1 张').max(5000, '核定床位不能超过 5000 张'),
  kind: z.enum(institutionKinds, { error: '请选择机构性质' }),
  medicalCare: checkbox,
  status: z.enum(institutionStatuses, { error: '请选择运营状态' }).default('operating'),
  bankName: required('开户银行', 60),
  bankAccountHolder: required('账户名称', 60),
  bankAccount: z
    .string({ error: '请填写账号' })
    .transform((s) => s.replace(/\s+/g, ''))
    .pipe(z.string().regex(/^[0-9]{8,30}$/, '对公账号应为 8–30 位数字')),
};

export const createInstitutionSchema = z.object(institutionFields);
export type CreateInstitutionInput = z.output<typeof createInstitutionSchema>;

export const updateInstitutionSchema = z.object({ institutionId: z.uuid('机构不存在'), version: z.coerce.number().int().min(1), ...institutionFields });
export type UpdateInstitutionInput = z.output<typeof updateInstitutionSchema>;

export const admitSchema = z.object({
  institutionId: z.uuid('机构不存在'),
  idNumber: idNumberSchema(),
  admittedOn: dateInput('入住日期', 'today'),
});
export type AdmitInput = z.output<typeof admitSchema>;

export const dischargeSchema = z.object({
  placementId: z.uuid('入住记录不存在'),
  dischargedOn: dateInput('离院日期', 'today'),
  reason: z.enum(['home', 'transfer', 'death', 'other'], { error: '请选择离院原因' }),
  note: z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), safeText('说明').max(200, '说明不能超过 200 个字').optional()),
});
export type DischargeInput = z.output<typeof dischargeSchema>;
