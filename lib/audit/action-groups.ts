// The 操作 filter of /audit offers the catalogue's actions by their Chinese names, grouped by the
// area they belong to (the code's part before the dot). Pure data, next to labels.ts without
// touching it: a unit test requires a group for every area the catalogue has.
import { auditActionLabels, type AuditAction } from './labels';

export const auditAreaLabels: Record<string, string> = {
  auth: '登录',
  user: '用户管理',
  audit: '审计日志',
  policy: '政策标准',
  calendar: '工作日历',
  household: '家庭档案',
  roster: '家庭档案',
  member: '家庭成员',
  income: '收入与财产',
  asset: '收入与财产',
  application: '低保、特困申请',
  late_entry: '补录',
  enrollment: '在册管理',
  subsidy: '在册管理',
  subsidy_application: '残疾人补贴申请',
  review: '定期复核',
  notice: '文书',
  monitoring: '监测预警',
  tempaid: '临时救助',
  complaint: '投诉举报',
  institution: '供养机构',
  document: '材料',
  verification: '家庭经济状况核对',
  fund: '乡镇备用金',
  payout: '资金发放',
  price_subsidy: '资金发放',
};

export const areaOf = (action: string) => action.slice(0, Math.max(action.indexOf('.'), 0));

/** The actions of one tab (sign-ins or changes) as groups of [code, Chinese name], in catalogue order. */
export function actionGroups(signIns: boolean): { label: string; actions: [AuditAction, string][] }[] {
  const groups = new Map<string, [AuditAction, string][]>();
  for (const [code, label] of Object.entries(auditActionLabels) as [AuditAction, string][]) {
    if (code.startsWith('auth.') !== signIns) continue;
    const group = auditAreaLabels[areaOf(code)] ?? '其他';
    groups.set(group, [...(groups.get(group) ?? []), [code, label]]);
  }
  return [...groups].map(([label, actions]) => ({ label, actions }));
}
