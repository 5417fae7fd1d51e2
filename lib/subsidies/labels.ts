// Chinese names for the disability subsidy applications (pure data: client components use it too).
export const subsidyProgramLabels = { dis_living: '困难残疾人生活补贴', dis_care: '重度残疾人护理补贴' } as const;
export const subsidyStateLabels = { accepted: '已受理', verified: '证件已核验', approved: '已批准', refused: '不予批准' } as const;
export type SubsidyProgram = keyof typeof subsidyProgramLabels;
