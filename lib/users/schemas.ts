import { z } from 'zod';
import { roles } from '@/db/schema/users';
import { passwordSchema } from '@/lib/auth/password';
import { safeText } from '@/lib/core/safe-text';

const regionCode = z.string().trim().regex(/^\d{6}(\d{3})?(\d{3})?$/, '请选择有效的区划');

export const createUserSchema = z.object({
  username: z
    .string()
    .trim()
    .min(3, '用户名至少 3 个字符')
    .max(64, '用户名最长 64 个字符')
    .regex(/^[A-Za-z0-9._-]+$/, '用户名只能包含字母、数字、点、下划线和连字符'),
  name: safeText('姓名').min(1, '请填写姓名').max(40, '姓名最长 40 个字符'),
  role: z.enum(roles, { error: '请选择角色' }),
  regionCode,
  password: passwordSchema,
});

export const updateUserSchema = z.object({
  userId: z.uuid('用户不存在'),
  role: z.enum(roles, { error: '请选择角色' }),
  regionCode,
  active: z.enum(['true', 'false']).transform((v) => v === 'true'),
  reason: safeText('变更原因', { multiline: true }).min(2, '请填写变更原因').max(200, '原因最长 200 个字符'),
});

export type CreateUserInput = z.output<typeof createUserSchema>;
export type UpdateUserInput = z.output<typeof updateUserSchema>;
