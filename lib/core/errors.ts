/** Typed error codes, mapped to one Chinese message each, here and nowhere else. */
export const errorMessages = {
  unauthenticated: '请先登录',
  not_found: '未找到该记录',
  invalid_input: '输入有误，请按提示修改',
  conflict: '记录已被他人修改，请刷新后重试',
  duplicate_username: '该用户名已被使用',
  internal: '系统错误，请稍后再试',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: ErrorCode; message: string; fieldErrors: Record<string, string> };

export function failure(code: ErrorCode, fieldErrors: Record<string, string> = {}): ActionResult<never> {
  return { ok: false, code, message: errorMessages[code], fieldErrors };
}
