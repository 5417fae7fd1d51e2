// Chinese names of the fields audit rows carry in before / after, and how each value is shown:
// money in yuan, yes / no, dates, and codes (states, kinds, roles, programs) by the label maps of
// their areas. Pure data (no database). The unit test tests/unit/audit/field-labels.test.ts reads
// the source for every key written into before / after and fails on one missing here; a key the
// catalogue does not know shows as 其他字段, a code it cannot name as 其他 — never raw.
import { applicationStateLabels } from '@/lib/applications/flow';
import { roleLabels } from '@/lib/auth/types';
import { householdKinds } from '@/lib/households/schemas';
import { assetKindLabels, memberStatusLabels, workingCapacityLabels } from '@/lib/households/labels';
import { lateEntryStepLabels } from '@/lib/late-entries/labels';
import { kindLabels as lineKindLabels, lineStatusLabels, programLabels, runStateLabels } from '@/lib/payouts/labels';
import { standardComponents } from '@/lib/policy/components';
import { categoryLabels as complaintCategoryLabels, channelLabels as complaintChannelLabels, outcomeLabels as complaintOutcomeLabels, replyMethodLabels, stateLabels as complaintStateLabels } from '@/lib/complaints/labels';
import { dischargeReasonLabels, institutionKindLabels, institutionStatusLabels } from '@/lib/institutions/labels';
import { aidKindLabels, causeLabels, caseStateLabels, methodLabels, purposeLabels } from '@/lib/temp-aid/labels';
import { formatDateTime, formatFen } from '@/lib/core/format';
import { documentKindLabels } from '@/lib/documents/labels';
import { subsidyStateLabels } from '@/lib/subsidies/labels';
import { chainProblemLabels } from './chain-labels';
import { supporterRelationLabels } from '@/lib/verification/labels';
import { auditActionLabel, auditEntityLabel } from './labels';

type Codes = Record<string, string>;

/** How a field's value is shown. A map of codes (or a function of the row's action) names codes. */
type Show = 'text' | 'fen' | 'bool' | 'count' | 'datetime' | 'action' | 'entity' | Codes | ((action: string) => Codes);

const applicationKinds: Codes = { dibao_household: '低保（整户）', dibao_single: '低保（单独申请）', tekun_dispersed: '特困（分散供养）', tekun_centralized: '特困（集中供养）' };
const enrollmentStatuses: Codes = { proposed: '待确认', active: '在册', suspended: '暂停发放', terminated: '已终止' };
const yesNo: Codes = { yes: '是', no: '否' };
const area = (action: string) => action.split('.')[0] ?? '';

const stateOf = (action: string): Codes => {
  const a = area(action);
  if (a === 'application') return applicationStateLabels;
  if (a === 'tempaid' || a === 'fund') return caseStateLabels;
  if (a === 'complaint') return complaintStateLabels;
  if (a === 'subsidy_application') return subsidyStateLabels;
  if (a === 'payout') return runStateLabels;
  return {};
};
const statusOf = (action: string): Codes => (area(action) === 'payout' ? lineStatusLabels : { ...enrollmentStatuses, ...memberStatusLabels });
const kindOf = (action: string): Codes => {
  const a = area(action);
  if (a === 'application') return applicationKinds;
  if (a === 'tempaid') return aidKindLabels;
  if (a === 'asset') return assetKindLabels;
  if (a === 'payout') return lineKindLabels;
  if (a === 'household' || a === 'roster') return householdKinds;
  return {}; // income kinds are written as their Chinese names already
};
const components: Codes = Object.fromEntries(standardComponents.map((c) => [c.component, c.label]));

export const auditFieldLabels: Record<string, { label: string; show: Show }> = {
  // people and accounts
  username: { label: '用户名', show: 'text' },
  name: { label: '姓名', show: 'text' },
  role: { label: '角色', show: roleLabels },
  regionCode: { label: '所属地区', show: 'text' },
  active: { label: '启用', show: 'bool' },
  accountExists: { label: '账号存在', show: 'bool' },
  failures: { label: '失败次数', show: 'count' },
  windowMinutes: { label: '统计时长（分钟）', show: 'count' },
  lockedUntil: { label: '锁定至', show: 'datetime' },
  mustChangePassword: { label: '下次登录须修改密码', show: 'bool' },
  secondFactor: { label: '动态口令', show: { totp: '动态口令', recovery: '恢复码' } },
  // the applications list's export filter
  decidedBy: { label: '审批人', show: 'text' },
  submittedFrom: { label: '申请日期起', show: 'text' },
  submittedTo: { label: '申请日期止', show: 'text' },
  decidedFrom: { label: '审批日期起', show: 'text' },
  decidedTo: { label: '审批日期止', show: 'text' },
  // households and members
  village: { label: '村（社区）', show: 'text' },
  address: { label: '住址', show: 'text' },
  kind: { label: '类型', show: kindOf },
  registeredPoor: { label: '建档立卡', show: 'bool' },
  bank: { label: '发放账户', show: 'text' },
  bankName: { label: '开户银行', show: 'text' },
  bankAccount: { label: '账号', show: 'text' },
  bankAccountKind: { label: '账户类型', show: { card: '银行卡', passbook: '存折' } },
  bankAccountHolder: { label: '开户人', show: 'text' },
  account: { label: '账号', show: 'text' },
  accountKind: { label: '账户类型', show: { card: '银行卡', passbook: '存折' } },
  holder: { label: '开户人', show: 'text' },
  accountChangePending: { label: '账户变更待复核', show: 'bool' },
  members: { label: '成员', show: 'text' },
  member: { label: '成员', show: 'text' },
  memberId: { label: '成员编号', show: 'text' },
  idNumber: { label: '身份证号', show: 'text' },
  birthDate: { label: '出生日期', show: 'text' },
  sex: { label: '性别', show: 'text' },
  relation: { label: '与户主关系', show: 'text' },
  disabilityKind: { label: '残疾类别', show: 'text' },
  disabilityGrade: { label: '残疾等级', show: 'count' },
  disabilityCertificate: { label: '残疾证号', show: 'text' },
  seriousIllness: { label: '重病', show: 'bool' },
  schoolStage: { label: '在读学段', show: 'text' },
  workingCapacity: { label: '劳动能力', show: workingCapacityLabels },
  householdStatus: { label: '家庭状态', show: { active: '正常', closed: '已注销' } },
  householdId: { label: '家庭编号', show: 'text' },
  newHead: { label: '新户主', show: 'text' },
  newHeadRelation: { label: '新户主与原户主关系', show: 'text' },
  leftOn: { label: '迁出（死亡）日期', show: 'text' },
  movedOn: { label: '迁移日期', show: 'text' },
  fromHousehold: { label: '原家庭', show: 'text' },
  fromHead: { label: '原家庭户主', show: 'text' },
  toHousehold: { label: '迁入家庭', show: 'text' },
  toHead: { label: '迁入家庭户主', show: 'text' },
  endedIncomeItems: { label: '终止的收入', show: 'count' },
  description: { label: '说明', show: 'text' },
  valueFen: { label: '价值', show: 'fen' },
  disposedOn: { label: '处置日期', show: 'text' },
  fromDate: { label: '起始日期', show: 'text' },
  toDate: { label: '终止日期', show: 'text' },
  excluded: { label: '不计入家庭收入', show: 'bool' },
  changeId: { label: '变更编号', show: 'text' },
  // 定期复核
  visitedOn: { label: '复核日期', show: 'text' },
  nextReviewOn: { label: '下次复核日期', show: 'text' },
  reviewCycle: { label: '复核周期', show: { stable: '每年（收入稳定）', unstable: '每半年（收入不稳定）' } },
  reviewOutcome: { label: '复核结论', show: { keep: '维持', recompute: '重新核算', reduce: '减发', stop: '终止' } },
  changeDecision: { label: '变更审批', show: { approved: '批准', rejected: '不批准' } },
  townshipCode: { label: '乡镇（街道）', show: 'text' },
  added: { label: '新增户数', show: 'count' },
  assigneeName: { label: '调查人', show: 'text' },
  // 文书
  noticeKind: { label: '文书', show: { acceptance: '受理通知书', correction: '补正告知书', non_acceptance: '不予受理通知书', approval: '批准决定书', refusal: '不予批准决定书', suspension: '暂停发放告知书', termination: '停发告知书', reduction: '减发告知书' } },
  number: { label: '文号', show: 'text' },
  noticeId: { label: '文书编号', show: 'text' },
  notices: { label: '制发文书', show: 'text' },
  // 数据核查 (payout sweep)
  sweep: { label: '数据核查', show: 'text' },
  found: { label: '发现问题', show: 'count' },
  linesChanged: { label: '变动明细', show: 'count' },
  openFlags: { label: '未处理的核查标记', show: 'count' },
  detail: { label: '核查情况', show: 'text' },
  lineReleased: { label: '明细已放行', show: 'bool' },
  // 监测预警
  sha256: { label: '文件校验值', show: 'text' },
  alerts: { label: '产生预警', show: 'count' },
  monitoredReason: { label: '监测类别', show: { near_dibao: '低保边缘家庭', rigid_spending: '刚性支出较大家庭', other: '其他需要监测的家庭' } },
  alertOutcome: { label: '预警处理结果', show: { enrolled: '已纳入低保/特困', temp_aid: '给予临时救助', referred: '转介其他部门', no_aid: '无需救助' } },
  reason: { label: '理由', show: 'text' },
  changedBy: { label: '变更人', show: 'text' },
  changedAt: { label: '变更时间', show: 'datetime' },
  // exports and imports
  filter: { label: '筛选条件', show: 'text' },
  q: { label: '查询内容', show: 'text' },
  amountFrom: { label: '月金额起（元）', show: 'text' },
  amountTo: { label: '月金额止（元）', show: 'text' },
  county: { label: '县（市、区）', show: 'text' },
  township: { label: '乡镇', show: 'text' },
  poor: { label: '建档立卡', show: yesNo },
  sort: { label: '排序', show: { newest: '最新登记在前', oldest: '最早登记在前', name: '按户主姓名' } },
  year: { label: '年度', show: 'text' },
  rows: { label: '行数', show: 'count' },
  truncated: { label: '超出上限未全部导出', show: 'bool' },
  completed: { label: '已完成', show: 'bool' },
  file: { label: '文件', show: 'text' },
  fileName: { label: '文件名', show: 'text' },
  households: { label: '户数', show: 'count' },
  tab: { label: '记录类别', show: { changes: '操作记录', signins: '登录记录' } },
  actor: { label: '操作人', show: 'text' },
  action: { label: '操作', show: 'action' },
  entity: { label: '对象类型', show: 'entity' },
  entityId: { label: '对象编号', show: 'text' },
  region: { label: '地区', show: 'text' },
  from: { label: '开始日期', show: 'text' },
  to: { label: '结束日期', show: 'text' },
  // applications and enrollments
  applicationId: { label: '申请编号', show: 'text' },
  closeRelative: { label: '近亲属备案', show: 'bool' },
  state: { label: '状态', show: stateOf },
  status: { label: '状态', show: statusOf },
  program: { label: '救助项目', show: programLabels },
  programs: { label: '救助项目', show: programLabels },
  acceptedOn: { label: '受理日期', show: 'text' },
  notAcceptedOn: { label: '不予受理日期', show: 'text' },
  missingDocuments: { label: '缺少的材料', show: 'text' },
  investigators: { label: '调查人', show: 'text' },
  investigatedOn: { label: '调查日期', show: 'text' },
  opinion: { label: '审核意见', show: 'text' },
  reviewedOn: { label: '审核日期', show: 'text' },
  noticeStart: { label: '公示开始', show: 'text' },
  noticeEnd: { label: '公示结束', show: 'text' },
  noticeRequired: { label: '需要公示', show: 'bool' },
  objection: { label: '异议内容', show: 'text' },
  raisedOn: { label: '提出日期', show: 'text' },
  countyVisitOn: { label: '县级核查日期', show: 'text' },
  decision: { label: '决定', show: { approved: '批准', refused: '不予批准' } },
  enrollmentId: { label: '在册编号', show: 'text' },
  startMonth: { label: '起始月份', show: 'text' },
  subsidyApplicationId: { label: '残疾人补贴申请编号', show: 'text' },
  enrollments: { label: '导入在册记录数', show: 'count' },
  periods: { label: '导入发放期数', show: 'count' },
  needsLongTermCare: { label: '需要长期照护', show: 'bool' },
  verifiedOn: { label: '证件核验日期', show: 'text' },
  certificateKind: { label: '残疾人证类别', show: 'text' },
  certificateGrade: { label: '残疾人证等级', show: 'text' },
  certificateValidUntil: { label: '残疾人证有效期至', show: 'text' },
  decidedOn: { label: '审批日期', show: 'text' },
  effectiveMonth: { label: '生效月份', show: 'text' },
  checked: { label: '核查户数', show: 'count' },
  proposed: { label: '提请户数', show: 'count' },
  skipped: { label: '未变化户数', show: 'count' },
  lateEntry: { label: '补录', show: 'text' },
  lateEntryIds: { label: '补录编号', show: 'text' },
  lateEntriesAcknowledged: { label: '已确认的补录', show: 'text' },
  entityKind: { label: '对象类型', show: 'entity' },
  step: { label: '环节', show: lateEntryStepLabels },
  statedOn: { label: '实际办理日期', show: 'text' },
  recordedOn: { label: '录入日期', show: 'text' },
  workingDaysLate: { label: '迟延工作日', show: 'count' },
  evidenceRef: { label: '凭证编号', show: 'text' },
  // 家庭经济状况核对 (lib/verification)
  code: { label: '代码', show: 'text' },
  matters: { label: '核对事项', show: 'text' },
  batchNo: { label: '核对批次号', show: 'text' },
  persons: { label: '核对人数', show: 'count' },
  departments: { label: '核对部门数', show: 'count' },
  department: { label: '核对部门', show: 'text' },
  supporterRelation: { label: '法定义务类别', show: supporterRelationLabels },
  relationText: { label: '与申请人关系', show: 'text' },
  // complaints (投诉举报): the complainant's name and phone are never written here
  channel: { label: '来源渠道', show: complaintChannelLabels },
  category: { label: '投诉类别', show: complaintCategoryLabels },
  anonymous: { label: '匿名', show: 'bool' },
  complainantGiven: { label: '留有投诉人姓名或电话', show: 'bool' },
  receivedOn: { label: '收到日期', show: 'text' },
  subjectUserId: { label: '被投诉工作人员编号', show: 'text' },
  handlerId: { label: '承办人编号', show: 'text' },
  handlerName: { label: '承办人', show: 'text' },
  assignedOn: { label: '交办日期', show: 'text' },
  noteId: { label: '调查记录编号', show: 'text' },
  notedOn: { label: '调查日期', show: 'text' },
  text: { label: '调查核实情况', show: 'text' },
  complaintOutcome: { label: '办理结果', show: complaintOutcomeLabels },
  outcomeText: { label: '结果说明', show: 'text' },
  replyOn: { label: '答复日期', show: 'text' },
  replyMethod: { label: '答复方式', show: replyMethodLabels },
  replyText: { label: '答复内容', show: 'text' },
  // 供养机构 and 集中供养 (the account's last four digits only)
  capacity: { label: '核定床位', show: 'count' },
  institutionKind: { label: '机构性质', show: institutionKindLabels },
  medicalCare: { label: '医养结合', show: 'bool' },
  institutionStatus: { label: '运营状态', show: institutionStatusLabels },
  accountTail: { label: '账号尾号', show: 'text' },
  placementId: { label: '入住记录编号', show: 'text' },
  institutionName: { label: '供养机构', show: 'text' },
  admittedOn: { label: '入住日期', show: 'text' },
  dischargedOn: { label: '离院日期', show: 'text' },
  dischargeReason: { label: '离院原因', show: dischargeReasonLabels },
  // 材料 and the 一户一档
  documentId: { label: '材料编号', show: 'text' },
  documentKind: { label: '材料类别', show: documentKindLabels },
  sizeBytes: { label: '文件大小（字节）', show: 'count' },
  documentCount: { label: '材料份数', show: 'count' },
  noticeCount: { label: '文书份数', show: 'count' },
  // temporary aid and funds
  caseId: { label: '案件编号', show: 'text' },
  cause: { label: '事由', show: causeLabels },
  purpose: { label: '用途', show: purposeLabels },
  method: { label: '发放方式', show: methodLabels },
  requestedFen: { label: '申请金额', show: 'fen' },
  approvedFen: { label: '批准金额', show: 'fen' },
  paidFen: { label: '已发放金额', show: 'fen' },
  paidOn: { label: '发放日期', show: 'text' },
  deadlineOn: { label: '办结期限', show: 'text' },
  sameCauseFlag: { label: '同因重复', show: 'bool' },
  oneCase: { label: '一事一议', show: 'bool' },
  documents: { label: '材料', show: 'text' },
  outcome: { label: '办结结果', show: { confirmed: '认定无误', improper: '认定不当' } },
  recoveryDueFen: { label: '应追回金额', show: 'fen' },
  recoveredFen: { label: '追回金额', show: 'fen' },
  totalRecoveredFen: { label: '累计追回金额', show: 'fen' },
  followUpFen: { label: '后续救助金额', show: 'fen' },
  paymentId: { label: '发放编号', show: 'text' },
  payments: { label: '发放', show: 'text' },
  payeeName: { label: '领款人', show: 'text' },
  receiptNo: { label: '收据编号', show: 'text' },
  fundBalanceAfterFen: { label: '备用金余额', show: 'fen' },
  balanceAfterFen: { label: '变动后余额', show: 'fen' },
  ledgerId: { label: '台账编号', show: 'text' },
  via: { label: '发放途径', show: { payout_run: '银行代发（发放批次）' } },
  // payouts
  runId: { label: '发放批次编号', show: 'text' },
  month: { label: '月份', show: 'text' },
  countyCode: { label: '县（市、区）代码', show: 'text' },
  version: { label: '版本', show: 'count' },
  lineCount: { label: '发放行数', show: 'count' },
  blockedCount: { label: '暂停发放行数', show: 'count' },
  enrollmentLines: { label: '月度发放行', show: 'text' },
  otherLines: { label: '其他发放行', show: 'text' },
  inserted: { label: '新增', show: 'count' },
  updated: { label: '更新', show: 'count' },
  removed: { label: '删除', show: 'count' },
  totalFen: { label: '合计金额', show: 'fen' },
  amountFen: { label: '金额', show: 'fen' },
  perMonthFen: { label: '每月金额', show: 'fen' },
  floorFen: { label: '保底金额', show: 'fen' },
  perPersonFen: { label: '每人金额', show: 'fen' },
  forMonth: { label: '所属月份', show: 'text' },
  adjustmentId: { label: '补发扣回编号', show: 'text' },
  cancelledAt: { label: '撤销时间', show: 'datetime' },
  lineId: { label: '发放明细编号', show: 'text' },
  payoutLineId: { label: '发放明细编号', show: 'text' },
  failureReason: { label: '失败原因', show: 'text' },
  format: { label: '文件格式', show: { csv: 'CSV', xlsx: 'Excel' } },
  fullAccountNumbers: { label: '含完整账号', show: 'bool' },
  lines: { label: '行数', show: 'count' },
  ok: { label: '导入成功', show: 'bool' },
  paidCount: { label: '成功笔数', show: 'count' },
  failedCount: { label: '失败笔数', show: 'count' },
  failedFen: { label: '失败金额', show: 'fen' },
  payableFen: { label: '应发金额', show: 'fen' },
  outstanding: { label: '待回盘笔数', show: 'count' },
  reconciled: { label: '已全部对账', show: 'bool' },
  tempAidPaid: { label: '已支付的临时救助', show: 'count' },
  tempAidNotApproved: { label: '未批准的临时救助', show: 'text' },
  declaredBy: { label: '发布人', show: 'text' },
  // policy, calendar
  id: { label: '编号', show: 'text' },
  component: { label: '标准项目', show: components },
  effectiveFrom: { label: '生效日期', show: 'text' },
  intValue: { label: '数值', show: 'count' },
  basisPoints: { label: '比例（万分之）', show: 'count' },
  textValue: { label: '文字值', show: 'text' },
  day: { label: '日期', show: 'text' },
  note: { label: '备注', show: 'text' },
  createdBy: { label: '创建人', show: 'text' },
  createdAt: { label: '创建时间', show: 'datetime' },
  // the integrity check's result
  links: { label: '已核验链节数', show: 'count' },
  brokenSeq: { label: '断开的链节', show: 'count' },
  brokenAuditId: { label: '有问题的记录编号', show: 'count' },
  problem: { label: '问题', show: chainProblemLabels },
};

const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** The Chinese name of a before / after field; a key the catalogue does not know is 其他字段. */
export function auditFieldLabel(key: string): string {
  return has(auditFieldLabels, key) ? auditFieldLabels[key]!.label : '其他字段';
}

/** Text that looks like a code (snake_case or one lower-case word) rather than something a person wrote. */
const CODE = /^[a-z][a-z0-9]*(?:[._][a-z0-9]+)*$/;

/** A field's value as a person reads it: 是/否, ¥402.00, the Chinese name of a code, nested fields by name. */
export function formatAuditValue(key: string, value: unknown, action: string): string {
  if (value === null || value === undefined || value === '') return '（空）';
  const field = has(auditFieldLabels, key) ? auditFieldLabels[key]! : null;
  if (Array.isArray(value)) return value.length === 0 ? '（无）' : value.map((v) => formatAuditValue(key, v, action)).join('、');
  if (typeof value === 'object') return formatAuditFields(value as Record<string, unknown>, action).map(([l, v]) => `${l}：${v}`).join('；');
  if (typeof value === 'boolean') return value ? '是' : '否';
  const show = field?.show ?? 'text';
  if (show === 'fen' && typeof value === 'number') return formatFen(value);
  if (show === 'datetime' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return formatDateTime(value);
  if (show === 'action') return auditActionLabel(String(value));
  if (show === 'entity') return auditEntityLabel(String(value));
  if (typeof show === 'object' || typeof show === 'function') {
    const codes = typeof show === 'function' ? show(action) : show;
    const text = String(value);
    if (has(codes, text)) return codes[text]!;
    return CODE.test(text) ? '其他' : text; // income kinds etc. are written in Chinese already
  }
  const text = String(value);
  // A field the catalogue does not know: its code-like values are not shown raw either.
  return !field && typeof value === 'string' && CODE.test(text) ? '其他' : text;
}

/** Every field of a before / after object as [Chinese name, value as read]. */
export function formatAuditFields(obj: Record<string, unknown>, action: string): [string, string][] {
  return Object.entries(obj).map(([k, v]) => [auditFieldLabel(k), formatAuditValue(k, v, action)]);
}
