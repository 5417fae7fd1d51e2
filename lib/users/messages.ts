// The refusals of user administration, in one place.

export const userMessages = {
  regionOutOfScope: '区划不存在或不在您的管辖范围内',
  roleLevel: (levels: string) => `该角色只能设在${levels}区划`,
  usernameTaken: '该用户名已被使用',
  notYourself: '不能停用自己或更改自己的角色和区划',
} as const;

export const passwordMessages = {
  currentWrong: '当前密码不正确',
  mismatch: '两次输入的新密码不一致',
  reused: '新密码不能与最近 5 次使用过的密码相同',
  sameAsUsername: '密码不能与用户名相同',
  notOwnReset: '不能重置自己的密码，请在“账户安全”中修改',
} as const;

export const secondFactorMessages = {
  codeWrong: '动态口令不正确或已使用，请输入验证器应用中当前显示的 6 位数字',
  noEnrolment: '请先生成二维码，再输入动态口令',
  alreadyEnrolled: '已启用动态口令；如需更换手机，请联系系统管理员重置',
  notEnrolled: '尚未启用动态口令',
} as const;
