// Why an enrollment ends, chosen from a list when the end is proposed: the reports' movements
// (自然减员 against 停保) are counted from this code, never read out of free text.

export const endReasons = ['death', 'moved_away', 'income_rose', 'tekun_instead', 'other'] as const;
export type EndReason = (typeof endReasons)[number];

export const endReasonLabels: Record<EndReason, string> = {
  death: '保障对象死亡',
  moved_away: '迁出本地',
  income_rose: '收入超过保障标准',
  tekun_instead: '转入特困人员救助供养',
  other: '其他原因',
};

// 自然减员 (natural attrition) is the SQL function doudi_natural_end() (migration 0017), the one
// definition for generation, the reports' movements and the monthly notice: the enrollment ended
// for death (this code), its person is registered deceased, or its household has nobody left.
// Every other end is 停保.
