// Chinese names of the complaint codes: pure data, for the forms, the lists and the notice.
import type { complaintCategories, complaintChannels, complaintOutcomes, complaintReplyMethods, complaintStates } from '@/db/schema/complaints';

export type ComplaintChannel = (typeof complaintChannels)[number];
export type ComplaintCategory = (typeof complaintCategories)[number];
export type ComplaintState = (typeof complaintStates)[number];
export type ComplaintOutcome = (typeof complaintOutcomes)[number];
export type ComplaintReplyMethod = (typeof complaintReplyMethods)[number];

export const channelLabels: Record<ComplaintChannel, string> = {
  letter: '信件',
  visit: '来访',
  phone_12345: '电话（12345）',
  online: '网上',
};

export const categoryLabels: Record<ComplaintCategory, string> = {
  missed: '应保未保',
  wrongful: '错保漏保',
  favouritism: '人情保 / 关系保',
  payout: '发放不到位',
  conduct: '工作作风',
  other: '其他',
};

export const stateLabels: Record<ComplaintState, string> = {
  received: '待交办',
  assigned: '办理中',
  answered: '已答复办结',
};

export const outcomeLabels: Record<ComplaintOutcome, string> = {
  substantiated: '属实',
  partly: '部分属实',
  unsubstantiated: '不属实',
  referred: '转其他部门',
};

export const replyMethodLabels: Record<ComplaintReplyMethod, string> = {
  phone: '电话',
  letter: '书面',
  visit: '当面',
  online: '网上',
};

/** What everyone but the handler and the auditor sees in place of the complainant's name and phone. */
export const HIDDEN = '（已隐藏）';
