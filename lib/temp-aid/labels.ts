// Chinese names of temporary-aid codes, for pages, forms and exports. Type-only imports keep this
// file free of the database layer, so client components can use it.
import type { aidCauses, aidKinds, caseStates, ledgerKinds, paymentMethods, paymentPurposes, paymentStatuses } from '@/db/schema/temp-aid';

export type AidKind = (typeof aidKinds)[number];
export type AidCause = (typeof aidCauses)[number];
export type CaseState = (typeof caseStates)[number];
export type LedgerKind = (typeof ledgerKinds)[number];
export type PaymentMethod = (typeof paymentMethods)[number];

export const aidKindLabels: Record<AidKind, string> = {
  first_response: '先行救助（急难型）',
  small_fast: '小额快救',
  expenditure: '支出型临时救助',
};

export const causeLabels: Record<AidCause, string> = {
  fire: '火灾',
  traffic_accident: '交通事故',
  accidental_injury: '意外伤害',
  sudden_illness: '突发重病',
  natural_disaster: '自然灾害',
  emergency_other: '其他急难情形',
  medical: '医疗支出',
  education: '教育支出',
  basic_living: '基本生活支出',
  expenditure_other: '其他支出',
};

/** 急难型 causes (a sudden event) and 支出型 causes (essential spending beyond what the family can bear). */
export const emergencyCauses = ['fire', 'traffic_accident', 'accidental_injury', 'sudden_illness', 'natural_disaster', 'emergency_other'] as const satisfies readonly AidCause[];
export const expenditureCauses = ['medical', 'education', 'basic_living', 'expenditure_other'] as const satisfies readonly AidCause[];

/** The causes a kind of case may name: a first response is for an emergency; small fast aid for either. */
export function causesFor(kind: AidKind): readonly AidCause[] {
  if (kind === 'first_response') return emergencyCauses;
  if (kind === 'expenditure') return expenditureCauses;
  return [...emergencyCauses, ...expenditureCauses];
}

export const caseStateLabels: Record<CaseState, string> = {
  paid_awaiting_completion: '已先行救助，待办结',
  completed: '已办结',
  improper_recovery: '认定不当，待追回',
  recovered: '已追回',
  applied: '已申请',
  investigated: '已调查',
  in_public_notice: '公示中',
  approved: '已批准，待发放',
  refused: '不予救助',
  paid: '已发放',
};

export const ledgerKindLabels: Record<LedgerKind, string> = {
  allocation: '县级拨付',
  top_up: '补充',
  draw: '支付救助金',
  return: '上缴县级',
  recovery: '追回入账',
};

export const methodLabels: Record<PaymentMethod, string> = { bank: '银行转账', cash: '现金' };
export const purposeLabels: Record<(typeof paymentPurposes)[number], string> = { first_response: '先行救助', follow_up: '办结追加', approved: '审批发放' };
export const paymentStatusLabels: Record<(typeof paymentStatuses)[number], string> = { approved: '待发放', paid: '已发放' };
