// The refusals of user administration, in one place.

export const userMessages = {
  regionOutOfScope: '区划不存在或不在您的管辖范围内',
  roleLevel: (levels: string) => `该角色只能设在${levels}区划`,
  usernameTaken: '该用户名已被使用',
  notYourself: '不能停用自己或更改自己的角色和区划',
} as const;
