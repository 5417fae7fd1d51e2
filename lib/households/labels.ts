/** Chinese names of the registry's audit actions, for the household timeline. */
export const actionLabels: Record<string, string> = {
  'household.register': '登记家庭',
  'household.import': '花名册导入',
  'household.update': '修改家庭信息',
  'household.account_confirm': '复核发放账户变更',
  'household.export': '导出',
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
  'payout.arrears': '登记补发',
  'payout.recovery': '登记扣回',
  'payout.adjustment_cancel': '撤销补发或扣回',
};

export const memberStatusLabels = { active: '在户', moved_out: '已迁出', deceased: '已故' } as const;
export const workingCapacityLabels = { full: '完全', partial: '部分', none: '无' } as const;
export const assetKindLabels = { house: '房产', vehicle: '车辆', deposit: '存款', livestock: '牲畜', other: '其他' } as const;
