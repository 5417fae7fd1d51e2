// The refusals of the disability subsidy applications, in Chinese.
export const subsidyMessages = {
  memberNotActive: '该成员已不在户（迁出或死亡），不能申请',
  openApplication: '该成员已有一件同类补贴申请正在办理',
  alreadyEnrolled: '该成员已在享受（或待确认）这项补贴，不能重复申请',
  notDisabled: '户籍登记中该成员没有残疾人证信息，请先在家庭信息中登记残疾类别和等级',
  certificateFormat: '残疾人证号应为 20 位：身份证号 18 位，加残疾类别 1 位、等级 1 位',
  certificateHolder: '残疾人证号的前 18 位与该成员的身份证号不一致',
  certificateKind: '证号中的残疾类别与所选类别不一致',
  certificateGrade: '证号中的残疾等级与所选等级不一致',
  registryMismatch: (kind: string, grade: number) => `证件上的类别、等级与户籍登记（${grade} 级${kind}残疾）不一致，请先核对并更正家庭信息`,
  certificateExpired: (validUntil: string) => `残疾人证有效期至 ${validUntil}，已过期，请先换证`,
  verifyBeforeAccept: (acceptedOn: string) => `核验日期不能早于受理日期 ${acceptedOn}`,
  dateInFuture: '日期不能晚于今天',
  sameAcceptor: '受理人不能审批本人受理的申请',
  sameVerifier: '证件核验人不能审批本人核验的申请',
  notConfigured: (what: string) => `政策标准未配置：${what}，请系统管理员在政策标准中设置`,
  refuseNeedsReason: '不予批准须写明理由',
} as const;
