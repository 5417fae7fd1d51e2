// Refusals of the verification verbs, in Chinese.
export const verificationMessages = {
  missingSigners: (names: string[]) => `以下人员未在授权书上签字：${names.join('、')}（成年家庭成员和法定赡养、抚养、扶养人均须签字）`,
  notSigner: '所选签字人不属于本申请的家庭成员或赡养人',
  consentExists: '本申请已有有效的授权书，如需更改请先撤回',
  noConsent: '请先登记核对授权书（授权书须由全体成年家庭成员和法定赡养人签字）',
  withdrawBeforeSigned: '撤回日期不能早于授权书签署日期',
  openRequest: '本申请已有进行中的核对，请等待各部门回复',
  noDepartment: '没有启用的核对部门，请联系系统管理员',
  closedApplication: '申请已办结，不能再办理核对',
  supporterExists: '该赡养人已登记',
  notOpen: '该核对已结束（已完成或已撤回授权），不能再导入结果',
  answered: (name: string) => `${name}的核对结果已导入，不能重复导入`,
  duplicateDepartment: '该部门已存在（代码或名称重复）',
  breach: (reasons: string[]) => `家庭经济状况核对认定不符合条件：${reasons.join('；')}`,
  expired: (on: string) => `核对报告已于 ${on} 过期，请重新发起核对后再审批`,
  pending: '家庭经济状况核对尚未完成，请待各部门回复后再审批',
  withdrawn: '申请人已撤回核对授权，核对已终止，不能审批通过',
} as const;
