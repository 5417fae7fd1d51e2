// The refusals of the enrollment area (changes, subsidy confirmation, recomputation), in one place.

export const enrollmentMessages = {
  refuseNeedsReason: '不予确认须写明理由',
  proposerDecides: '提出变更的人不能审批同一变更',
  amountMonthTaken: (month: string) => `${month} 已有一条金额记录，请另定生效月份`,
  notInThisState: '当前状态下不能进行这项变更',
  beforeStart: (start: string) => `生效月份不能早于起始月份 ${start}`,
  fixedAmount: '补贴类项目金额按标准执行，无需重新核算',
  noLongerEligible: '按现有收入已不符合条件：请提出终止（可设渐退期），并记录告知情况',
  reductionNeedsHearing: '减发须记录对保障对象的告知和陈述申辩情况',
  badMonth: '月份格式应为 2026-12',
} as const;
