// The refusals of the household registry, in one place. Field messages of forms are in
// schemas.ts and change-schemas.ts; resident-ID checks in lib/core/resident-id.ts.

export const householdMessages = {
  headExists: (name: string) => `该户已有户主（${name}），不能再添加"本人"`,
  secondHead: (name: string) => `该户已有户主（${name}），不能再有第二位"本人"`,
  secondHeadUnnamed: '该户已有户主，不能再有第二位"本人"',
  noHeadYet: '该户目前没有户主，请先登记户主（本人）',
  headRelation: '户主与户主的关系只能是"本人"；更换户主请在户主离开或迁移时指定新户主',
  assetDisposed: (on: string) => `该资产已于 ${on} 处置`,
  disposedBeforeRecorded: (on: string) => `处置日期不能早于登记日期（${on}）`,
  idInThisHousehold: (name: string) => `该身份证号已是本户成员（${name}）`,
  idElsewhere: '该身份证号已在其他家庭登记',
  chooseMember: '请选择本户在册成员',
  incomeEnded: (on: string) => `该收入已于 ${on} 截止`,
  incomeEndBeforeStart: (on: string) => `截止日期不能早于起始日期（${on}）`,
  memberGone: (name: string) => `${name} 已不在本户`,
  memberGoneNoEdit: (name: string) => `${name} 已不在本户，不能修改`,
  beforeBirth: (on: string) => `日期不能早于该成员的出生日期（${on}）`,
  nameNewHead: '户主离开后须从本户在册成员中指定新户主',
  newHeadNotMember: '新户主须是本户在册的其他成员',
  moveToSelf: '目标家庭不能是本户',
  targetHasHead: (name: string) => `目标家庭已有户主（${name}），关系不能为"本人"`,
  targetHasNoHead: '目标家庭目前没有户主，迁入成员须为户主（本人）',
  villageOutOfScope: '请选择您管辖范围内的村（社区）',
  noAccountChangePending: '该户没有待复核的账户变更',
  accountChangedAgain: '该户账户在您打开页面后又被修改，请刷新后复核新的账户',
  accountChangeSelf: '账户变更须由录入人以外的经办人或审核审批人复核',
} as const;
