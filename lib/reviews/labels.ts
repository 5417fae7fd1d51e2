export const reviewStateLabels = { open: '待复核', awaiting_decision: '待审批', closed: '已办结' } as const;
export const reviewOutcomeLabels = { keep: '维持', recompute: '重新核算', reduce: '减发', stop: '终止' } as const;
export const reviewProgramLabels = { dibao: '低保', tekun: '特困', dis_living: '残疾人生活补贴', dis_care: '重度残疾人护理补贴' } as const;
