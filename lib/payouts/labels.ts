export const programLabels: Record<string, string> = {
  dibao: '最低生活保障',
  tekun: '特困人员救助供养',
  dis_living: '困难残疾人生活补贴',
  dis_care: '重度残疾人护理补贴',
  price: '价格临时补贴',
  temp: '临时救助',
};

export const kindLabels: Record<string, string> = {
  enrollment: '月度发放',
  temp_aid: '临时救助',
  price_subsidy: '价格临时补贴',
  arrears: '补发',
  recovery: '扣回',
  reissue: '重新发放',
};

export const runStateLabels: Record<string, string> = {
  draft: '草稿',
  approved: '已审批',
  exported: '已导出银行文件',
  reconciled: '已对账',
};

export const lineStatusLabels: Record<string, string> = { pending: '待银行回盘', paid: '已支付', failed: '失败' };

export const movementLabels: Record<string, string> = {
  new: '新增',
  stopped: '停保',
  attrition: '自然减员',
  increased: '增发',
  decreased: '减发',
};

/** 摘要 of a bank-file row: the program and the month, what the recipient sees on the statement. */
export function summaryText(line: { kind: string; program: string; month: string }): string {
  const what = line.kind === 'enrollment' ? (programLabels[line.program] ?? line.program) : `${programLabels[line.program] ?? line.program}${kindLabels[line.kind] ?? ''}`;
  return `${what} ${line.month}`;
}

/** 数据核查 findings on a line (payout_line_flags.kind). */
export const flagKindLabels: Record<string, string> = {
  deceased_member: '成员已死亡',
  shared_account: '账户与他户共用',
  paid_elsewhere: '同月在其他县（区）发放',
  holder_not_member: '账户名非本户成员',
  shared_phone: '电话多户共用',
};

export const flagStateLabels: Record<string, string> = { open: '待核查', resolved: '核实无误', held: '暂缓发放', overridden: '审批时未解决' };
