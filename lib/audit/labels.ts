// Chinese names of the audit log's codes: every action the source writes and every kind of object
// a row is about, for the audit page, the household timeline and the history of a case. Pure
// data (no database), so client components may use it too.
//
// record.ts takes an AuditAction, so TypeScript refuses a code that has no label here; the unit
// test tests/unit/audit/labels.test.ts walks the source for codes written around it (SQL, raw
// inserts) and fails on any code missing here.
import { can, type Permission } from '@/lib/auth/permissions';
import type { Role } from '@/db/schema';

export const auditActionLabels = {
  'auth.sign_in': '登录',
  'auth.sign_out': '退出登录',
  'auth.account_under_attack': '账户遭多处猜测密码，暂时锁定',
  'user.create': '新建用户',
  'user.update': '修改用户',
  'user.deactivate': '停用用户',
  'user.password_change': '修改本人密码',
  'user.password_reset': '重置用户密码（临时密码）',
  'user.totp_enrol': '启用动态口令（第二重验证）',
  'user.totp_reset': '重置用户动态口令',
  'user.recovery_codes_renew': '重新生成恢复码',
  'auth.recovery_code_used': '使用恢复码登录',
  'audit.chain_check': '核验审计日志哈希链',
  'audit.export': '导出审计日志',
  'policy.add': '新增政策标准',
  'calendar.set': '设置工作日历',
  'calendar.remove': '删除工作日历设置',

  'household.register': '登记家庭',
  'household.import': '经花名册导入登记',
  'household.update': '修改家庭信息',
  'household.account_confirm': '复核发放账户变更',
  'household.export': '导出家庭信息',
  'roster.import': '导入花名册',
  'member.add': '新增成员',
  'member.update': '修改成员信息',
  'member.leave': '成员迁出',
  'member.death': '成员死亡',
  'member.move_out': '成员迁往他户',
  'member.move_in': '成员从他户迁入',
  'member.reveal_id': '查看完整身份证号',
  'income.add': '登记收入',
  'income.end': '收入终止',
  'asset.add': '登记财产',
  'asset.dispose': '财产处置',

  'application.create': '新建申请',
  'application.accept': '受理申请',
  'application.not_accept': '不予受理',
  'application.investigate': '入户调查',
  'application.township_opinion': '乡镇审核',
  'application.public_notice': '张榜公示',
  'application.objection': '登记公示期异议',
  'application.county_visit': '县级入户核查',
  'application.approve': '审批通过',
  'application.refuse': '审批不予批准',
  'application.export': '导出申请列表',
  'late_entry.record': '登记补录',
  'late_entry.acknowledge': '审批人确认补录',

  'enrollment.export': '导出在册名单',
  'enrollment.propose_recompute': '提请重新核定金额',
  'enrollment.propose_suspend': '提请暂停发放',
  'enrollment.propose_terminate': '提请终止救助',
  'enrollment.propose_resume': '提请恢复发放',
  'enrollment.propose_recompute_all': '提请全县重新核定金额',
  'enrollment.approve_recompute': '批准重新核定金额',
  'enrollment.approve_suspend': '批准暂停发放',
  'enrollment.approve_terminate': '批准终止救助',
  'enrollment.approve_resume': '批准恢复发放',
  'enrollment.reject_recompute': '驳回重新核定金额',
  'enrollment.reject_suspend': '驳回暂停发放',
  'enrollment.reject_terminate': '驳回终止救助',
  'enrollment.reject_resume': '驳回恢复发放',
  'subsidy.confirm': '确认残疾人补贴',
  'subsidy.decline': '不予确认残疾人补贴',
  'subsidy.roster_import': '导入残疾人补贴花名册（残联移交）',
  'subsidy_application.accept': '受理残疾人补贴申请',
  'subsidy_application.verify': '核验残疾人证',
  'subsidy_application.approve': '批准残疾人补贴',
  'subsidy_application.refuse': '不予批准残疾人补贴',

  'tempaid.first_response': '先行救助',
  'tempaid.account': '提交先行救助情况说明',
  'tempaid.complete': '先行救助办结',
  'tempaid.improper': '先行救助认定不当',
  'tempaid.apply': '申请临时救助',
  'tempaid.investigate': '临时救助入户调查',
  'tempaid.public_notice': '临时救助公示',
  'tempaid.approve': '批准临时救助',
  'tempaid.refuse': '不予临时救助',
  'tempaid.pay': '发放临时救助金',
  'tempaid.recovery': '追回临时救助金',
  'tempaid.export': '导出临时救助台账',
  'fund.allocation': '县级拨付备用金',
  'fund.top_up': '补充备用金',
  'fund.return': '备用金上缴县级',

  'payout.start': '生成发放批次',
  'payout.regenerate': '重新生成发放批次',
  'payout.roster': '导出发放花名册',
  'payout.approve': '审批发放批次',
  'payout.bank_file': '生成银行代发文件',
  'payout.reconcile': '导入银行回盘文件',
  'payout.confirm_account': '确认发放账户无误',
  'payout.approve_over_flags': '在数据核查未解决时审批发放批次',
  'payout.resolve_flag': '处理发放数据核查',
  'payout.arrears': '登记补发',
  'payout.recovery': '登记扣回',
  'payout.adjustment_cancel': '撤销补发或扣回',
  'price_subsidy.declare': '发布价格临时补贴',
  'review.batch_create': '生成复核批次',
  'review.assign': '分派复核',
  'review.record': '登记复核结果',
  'review.close': '复核办结',
  'notice.issue': '制发文书',
  'monitoring.import': '导入比对数据',
  'monitoring.outcome': '登记预警处理结果',
  'monitoring.flag': '设置监测对象',
  'monitoring.assign': '指定预警承办人',

  'complaint.intake': '登记投诉举报',
  'complaint.assign': '交办投诉举报',
  'complaint.note': '登记调查核实情况',
  'complaint.outcome': '认定投诉举报办理结果',
  'complaint.reply': '答复投诉人并办结',

  'institution.create': '登记供养机构',
  'institution.update': '修改供养机构',
  'institution.admit': '办理入住（集中供养）',
  'institution.discharge': '办理离院',
  'document.upload': '上传材料',
  'document.view': '查看材料',
  'document.download': '下载材料',
  'document.withdraw': '作废材料',
  'household.archive': '下载一户一档',
  'verification.supporter_add': '登记法定赡养（抚养、扶养）人',
  'verification.consent': '登记核对授权书',
  'verification.consent_withdraw': '撤回核对授权',
  'verification.request': '发起家庭经济状况核对',
  'verification.export': '导出核对请求文件',
  'verification.import': '导入部门核对结果',
  'verification.department_add': '新增核对部门',
  'verification.department_active': '启用或停用核对部门',
} as const satisfies Record<string, string>;

/** Every action code the system writes to the audit log. */
export type AuditAction = keyof typeof auditActionLabels;

export const auditEntityLabels = {
  household: '家庭',
  application: '申请',
  subsidy_application: '残疾人补贴申请',
  temp_aid_case: '临时救助案件',
  enrollment: '在册',
  review_batch: '复核批次',
  review: '复核',
  notice: '文书',
  payout_run: '发放批次',
  payout_line: '发放明细',
  payout_adjustment: '补发扣回',
  price_subsidy: '价格临时补贴',
  reserve_fund: '乡镇备用金',
  late_entry: '补录',
  complaint: '投诉举报',
  institution: '供养机构',
  roster: '花名册',
  county: '县（市、区）',
  policy_standard: '政策标准',
  work_calendar: '工作日历',
  user: '用户',
  audit_log: '审计日志',
  monitoring_import: '比对数据',
  monitoring_alert: '监测预警',
  verification_department: '核对部门',
} as const satisfies Record<string, string>;

export type AuditEntity = keyof typeof auditEntityLabels;

const has = <T extends object>(o: T, k: string): k is Extract<keyof T, string> => Object.prototype.hasOwnProperty.call(o, k);

/** The Chinese name of an action; a code the catalogue does not know (an old row) never shows raw. */
export function auditActionLabel(action: string): string {
  return has(auditActionLabels, action) ? auditActionLabels[action] : '其他操作';
}

/** The Chinese name of the kind of object an audit row is about. */
export function auditEntityLabel(entity: string): string {
  return has(auditEntityLabels, entity) ? auditEntityLabels[entity] : '其他对象';
}

/** The page of the record a row is about, and the permission that page asks for. */
const recordPages: Partial<Record<AuditEntity, { href: (id: string) => string; permission: Permission }>> = {
  household: { href: (id) => `/households/${id}`, permission: 'household.read' },
  application: { href: (id) => `/applications/${id}`, permission: 'application.read' },
  subsidy_application: { href: (id) => `/applications/subsidies/${id}`, permission: 'application.read' },
  temp_aid_case: { href: (id) => `/temp-aid/${id}`, permission: 'tempaid.read' },
  reserve_fund: { href: (id) => `/temp-aid/funds/${id}`, permission: 'tempaid.read' },
  complaint: { href: (id) => `/complaints/${id}`, permission: 'complaint.read' },
  institution: { href: (id) => `/institutions/${id}`, permission: 'institution.read' },
  payout_run: { href: (id) => `/payouts/${id}`, permission: 'payout.read' },
  review: { href: (id) => `/reviews/${id}`, permission: 'review.read' },
  review_batch: { href: (id) => `/reviews/batches/${id}`, permission: 'review.read' },
  notice: { href: (id) => `/notices/${id}`, permission: 'household.read' },
  monitoring_alert: { href: (id) => `/monitoring/${id}`, permission: 'monitoring.read' },
  user: { href: (id) => `/admin/users/${id}`, permission: 'user.manage' },
};

/** Where the record of an audit row is shown, when it has a page the viewer may open; else null. */
export function auditRecordHref(entry: { entity: string; entityId: string | null }, role: Role): string | null {
  if (!entry.entityId || !has(recordPages, entry.entity)) return null;
  const page = recordPages[entry.entity];
  if (!page || !can(role, page.permission)) return null;
  return page.href(encodeURIComponent(entry.entityId));
}
