// Typed error codes: each maps to one Chinese message and one HTTP status, here and nowhere else.
// A refusal says which kind it is, so that callers (and route handlers' statuses) can tell a bad
// field from a state that does not allow the step, a stale form, or a separation-of-duties rule.
// The specific text of a refusal comes from its area's catalogue (lib/<area>/messages.ts).

export const errorMessages = {
  unauthenticated: '请先登录',
  not_found: '未找到该记录',
  /** A field's value is wrong: the fields carry the reasons. */
  invalid_input: '输入有误，请按提示修改',
  /** The record's state or the policy in force does not allow this now (批次已审批, 公示未满…). */
  precondition: '当前状态下不能办理此项',
  /** Someone changed the record since the form was loaded (stale version). */
  conflict: '记录已被他人修改，请刷新后重试',
  /** Maker–checker: this person may not take this step on this record (生成人不能审批…). */
  same_person: '按照审批分离的要求，这一步须由其他人办理',
  duplicate_username: '该用户名已被使用',
  /** A route handler's request came from another site (lib/http/same-origin.ts): nothing was done. */
  cross_site: '该请求来自其他网站，已拒绝；请在本系统的页面中操作',
  /** A request body over its route's limit: nothing was read or done. */
  too_large: '提交的内容过大，未处理；请删减后重试',
  /** The database could not be reached: nothing was done. */
  unavailable: '暂时无法连接数据库，本次操作没有执行，请稍后重试',
  internal: '系统错误，请稍后再试',
} as const;

export type ErrorCode = keyof typeof errorMessages;

export const errorStatus: Record<ErrorCode, number> = {
  unauthenticated: 401,
  not_found: 404,
  invalid_input: 400,
  precondition: 422,
  conflict: 409,
  same_person: 403,
  duplicate_username: 409,
  cross_site: 403,
  too_large: 413,
  unavailable: 503,
  internal: 500,
};

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/** A refusal with its reason, shown on the form as a whole (`_form`) or next to one field. */
export function refuse(code: Exclude<ErrorCode, 'internal' | 'unauthenticated'>, message: string, field = '_form'): AppError {
  return new AppError(code, { [field]: message });
}

export type ActionResult<T = undefined> =
  | { ok: true; data: T; message?: string }
  | { ok: false; code: ErrorCode; message: string; fieldErrors: Record<string, string> };

/** The result of a refused action: its code, the refusal's own reason when it has one, the field reasons. */
export function failure(code: ErrorCode, fieldErrors: Record<string, string> = {}): ActionResult<never> {
  return { ok: false, code, message: fieldErrors._form ?? errorMessages[code], fieldErrors };
}
