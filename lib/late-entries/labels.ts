import type { lateEntryKinds, lateEntrySteps } from '@/db/schema/late-entries';

export type LateEntryKind = (typeof lateEntryKinds)[number];
export type LateEntryStep = (typeof lateEntrySteps)[number];

export const lateEntryKindLabels: Record<LateEntryKind, string> = {
  application: '低保、特困申请',
  temp_aid_case: '临时救助案件',
  reserve_fund: '乡镇备用金',
};

export const lateEntryStepLabels: Record<LateEntryStep, string> = {
  accept: '受理',
  investigate: '入户调查',
  township_opinion: '乡镇审核',
  public_notice: '公示',
  objection: '公示期异议',
  county_visit: '县级入户核查',
  tempaid_investigate: '入户调查',
  tempaid_notice: '公示',
  tempaid_payment: '发放',
  fund_allocation: '县级拨付',
  fund_top_up: '补充',
  fund_return: '上缴县级',
};

/** Where the record a late entry belongs to is shown. */
export function lateEntryHref(kind: LateEntryKind, id: string): string {
  return kind === 'application' ? `/applications/${id}` : kind === 'temp_aid_case' ? `/temp-aid/${id}` : `/temp-aid/funds/${id}`;
}
