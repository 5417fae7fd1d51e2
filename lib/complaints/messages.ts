// The refusals of the complaint verbs, in one place.
export const complaintMessages = {
  handlerIsSubject: '被投诉的工作人员不能办理针对本人的投诉举报，请交办给其他人',
  handlerOutOfRegion: '承办人须为投诉所涉地区的经办人或审核审批人',
  notHandler: '只有承办人可以办理此项',
  alreadyAssigned: '该投诉举报已交办',
  notAssigned: '该投诉举报尚未交办',
  alreadyClosed: '该投诉举报已答复办结',
  outcomeFirst: '请先认定办理结果，再答复投诉人',
  regionOutside: '所涉地区不在您的管辖范围内',
  regionUnknown: '请选择所涉县（市、区）或乡镇',
  linkedNotFound: '未找到所选记录，或不在您的管辖范围内',
  subjectNotFound: '未找到被投诉的工作人员',
  beforeReceived: '日期不能早于收到日期',
} as const;
