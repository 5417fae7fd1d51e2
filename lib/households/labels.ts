export const memberStatusLabels = { active: '在户', moved_out: '已迁出', deceased: '已故' } as const;
export const workingCapacityLabels = { full: '完全', partial: '部分', none: '无' } as const;
export const assetKindLabels = { house: '房产', vehicle: '车辆', deposit: '存款', livestock: '牲畜', other: '其他' } as const;
