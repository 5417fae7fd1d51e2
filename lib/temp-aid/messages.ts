// The refusals of the temporary-aid area (cases, payments, reserve funds), in one place. Caps and
// deadlines explain themselves in rules.ts (checkAuthority, sameCauseMessage).

export const tempAidMessages = {
  accountMissing: '经办人尚未提交情况说明和材料，暂不能办结',
  followUpOverCap: (total: string, reason: string) => `连同已发放的先行救助合计 ${total}：${reason}`,
  totalNeedsOneCase: '合计金额超过一般救助上限，须按一事一议写明理由',
  needsOneCase: '金额超过一般救助上限，须按一事一议写明理由',
  noticeFirst: '该金额须先在村（社区）公示，公示期满后方可审批',
  noticeRunning: (end: string | null) => `公示期至 ${end ?? '（未定）'}，期满后方可审批`,
  amountPositive: '金额须大于 0',
  noFund: '本乡镇尚未设立临时救助备用金，请联系县级民政部门拨付',
  noFundYet: '本乡镇尚未设立临时救助备用金，请先由县级拨付',
  fundShort: (balance: string) => `备用金余额不足：当前余额 ${balance}`,
  townshipOutOfScope: '请选择您管辖范围内的乡镇',
  cashReceipt: '现金发放须填写收据编号',
  noAccount: '该户未登记发放账户：请选择现金发放，或先在家庭档案中补充银行账户',
  accountChangePending: '该户发放账户的变更尚未复核：复核后才能转账，或选择现金发放',
  noStandard: (kind: string) => `未配置${kind}低保标准，无法确定临时救助上限`,
  valueMissing: (component: string) => `未配置政策参数 temp/${component}，请联系系统管理员`,
  recoveryTooMuch: (outstanding: string) => `尚待追回 ${outstanding}，追回金额不能超过它`,
  completerTookPart: '发放先行救助或撰写情况说明的人不能办结同一案件',
  deciderSubmitted: '提交申请的人不能审批同一申请',
} as const;
