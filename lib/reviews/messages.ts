// 定期复核: the Chinese text of every refusal, in one place.
export const reviewMessages = {
  monthTooFar: (latest: string) => `只能生成 ${latest} 及以前月份的复核批次`,
  notTownship: '请选择本辖区内的乡镇（街道）',
  assigneeOutside: '调查人须是负责该乡镇（街道）的经办人员或审核审批人员',
  notOpen: '该复核已登记结果，不能再修改',
  visitInFuture: '复核日期不能晚于今天',
  visitBeforeStart: (start: string) => `复核日期不能早于保障开始月份（${start}）`,
  fixedAmount: '该项目金额固定，不能重新核算；如需停发请选择终止',
  noLongerEligible: '按最新收入和财产核算已不符合条件，请选择“终止保障”并记录告知情况',
} as const;
