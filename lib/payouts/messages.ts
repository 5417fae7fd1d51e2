// The refusals of the payout area, in one place. Field messages of forms are in schemas.ts.

export const payoutMessages = {
  runApproved: (month: string) => `${month} 的发放批次已审批，不能再修改`,
  adjustmentMonthApproved: (month: string) => `${month} 的发放批次已审批，请选择以后的月份`,
  noLines: '批次没有发放明细，不能审批',
  cancelledAdjustment: '批次中有已撤销的补发或扣回，请先重新生成批次再审批',
  tempAidPaidByHand: (n: number) => `批次中有 ${n} 笔临时救助已从乡镇备用金支付，请先重新生成批次再审批`,
  heldElsewhere: (n: number) => `批次中有 ${n} 条明细的资金来源已由其他批次发放或列入，请先重新生成批次再审批`,
  bankFileBeforeApproval: '批次审批后才能导出银行文件',
  confirmOnlyFailed: '只有银行退回（失败）的明细需要核实账户',
  alreadyReissued: '该明细已安排重新发放',
  alreadyConfirmed: '该明细的账户已核实',
  priceSubsidyRegion: '请选择省、市或县（区）',
  priceSubsidyTooLate: (month: string, counties: number) => `${month} 已有 ${counties} 个县（区）的发放批次审批通过，不能再追加补贴`,
  priceSubsidyExists: (region: string, month: string) => `${region} ${month} 已有价格临时补贴`,
  monthOutOfRange: '只能编制本月及以前月份或下一个月的发放批次',
  chooseCounty: '请选择县（区）',
  openFlags: (n: number) => `批次中有 ${n} 条数据核查未解决，请先核查；确需先审批的，须写明理由`,
  flagNotOpen: '该核查记录已处理',
  flagRunApproved: '批次已审批，核查结果不能再改变本批次；未发放的明细由下月批次重新发放',
} as const;
