// Chinese names of the verification codes (居民家庭经济状况核对): pure data, for pages, files and the audit log.
import type { supporterRelations, verificationItems, verificationRequestStates } from '@/db/schema/verification';

export type SupporterRelation = (typeof supporterRelations)[number];
export type VerificationItem = (typeof verificationItems)[number];
export type VerificationRequestState = (typeof verificationRequestStates)[number];

export const supporterRelationLabels: Record<SupporterRelation, string> = {
  shanyang: '法定赡养人',
  fuyang_child: '法定抚养人',
  fuyang_spouse: '法定扶养人',
};

export const requestStateLabels: Record<VerificationRequestState, string> = {
  open: '核对中',
  completed: '已完成',
  withdrawn: '已撤回授权',
};

/** The 项目 of an answer line, as the department writes it. */
export const itemLabels: Record<VerificationItem, string> = {
  wages: '工资性收入',
  business: '经营净收入',
  property: '财产净收入',
  transfer: '转移净收入',
  pension: '养老金',
  vehicle: '车辆',
  vehicle_disability: '残疾人专用车辆',
  real_estate: '房产',
  deposit: '存款及金融资产',
  business_registration: '工商登记',
  medical_self_pay: '医疗自付费用',
  none: '无记录',
};

/** Income items and the registry's income kind each stands for in the assessment. */
export const incomeItemKinds: Partial<Record<VerificationItem, string>> = {
  wages: 'wages',
  business: 'business',
  property: 'property',
  transfer: 'transfer',
  pension: 'pension_basic',
};

/** Items whose amount is required (元); the others may carry one (a vehicle's or a house's value). */
export const amountRequired: ReadonlySet<VerificationItem> = new Set(['wages', 'business', 'property', 'transfer', 'pension', 'deposit', 'medical_self_pay']);
