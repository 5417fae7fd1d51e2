// The refusals of late entries (补录), in one place: the reason, the 公示 reference, the
// supervisor's acknowledgment.

export const lateEntryMessages = {
  reasonRequired: (workingDays: number) => `该环节日期早于录入日 ${workingDays} 个工作日，属于补录，请写明补录原因（至少 4 个字）`,
  noticeReference: (workingDays: number) =>
    `公示日期早于录入日 ${workingDays} 个工作日，属于补录：请填写公示照片或记录编号（须含连续 3 位以上字母或数字，如 IMG_0123、KC-2026-015）`,
  acknowledgmentRequired: (count: number) => `该案件有 ${count} 个补录环节，请逐项核实后勾选“已核实补录情况”`,
} as const;
