import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import qs from 'qs';
import type { z } from 'zod';
import { getSessionState, getSessionUser } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, failure, type ActionResult } from '@/lib/core/errors';
import { databaseUnavailable } from '@/lib/db/errors';
import { dispatchSoon } from '@/lib/messages/dispatch';

export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_form';
    out[key] ??= issue.message;
  }
  return out;
}

/** Form fields named like `members.0.name` and repeated checkboxes become nested objects and arrays. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const params = new URLSearchParams();
  for (const [key, value] of formData) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) params.append(key, value);
  }
  return qs.parse(params.toString(), { allowDots: true, arrayLimit: 100, depth: 4 });
}

/**
 * The most a form may send, in bytes (field names, values and files). The largest real form, a
 * household of many members, is a few dozen kilobytes; a larger body is a paste gone wrong or a
 * tampered request. Next.js refuses bodies over `serverActions.bodySizeLimit` (next.config.js,
 * 2 MB) before any action runs, with no message of ours: this limit sits below it, so that a
 * body between the two is answered at its field, in Chinese.
 */
export const MAX_ACTION_BYTES = 1024 * 1024;

/** The form's size and its largest field: where the refusal is shown. */
export function formSize(formData: FormData): { bytes: number; largest: string } {
  let bytes = 0;
  let largest = { key: '_form', bytes: -1 };
  for (const [key, value] of formData) {
    const size = typeof value === 'string' ? Buffer.byteLength(value) : value.size;
    bytes += Buffer.byteLength(key) + size;
    if (size > largest.bytes && !key.startsWith('$ACTION')) largest = { key, bytes: size };
  }
  return { bytes, largest: largest.key };
}

/**
 * An action's work once it is called: who is calling (a session check for a real action, the
 * test's user in a test), the size limit, the schema, the verb, and every failure mapped to its
 * result. authedAction is this with the session.
 */
export async function runAction<S extends z.ZodType, T>(
  currentUser: () => Promise<SessionUser | null>,
  schema: S,
  run: (user: SessionUser, input: z.output<S>) => Promise<T>,
  formData: FormData,
): Promise<ActionResult<T>> {
  try {
    // The session check reads the database too: inside the try, so that a lost connection
    // answers with the app's own result instead of an error page.
    const user = await currentUser();
    if (!user) return failure('unauthenticated');
    const size = formSize(formData);
    if (size.bytes > MAX_ACTION_BYTES) {
      const message = `提交的内容超过 ${MAX_ACTION_BYTES / (1024 * 1024)} MB 的上限，未保存；请删减后重试`;
      return failure('invalid_input', { _form: message, ...(size.largest === '_form' ? {} : { [size.largest]: '内容过长，请删减' }) });
    }
    const parsed = schema.safeParse(formDataToObject(formData));
    if (!parsed.success) return failure('invalid_input', fieldErrorsOf(parsed.error));
    const data = await run(user, parsed.data);
    dispatchSoon(); // a step may have written text messages: sent now that it has committed
    return { ok: true, data };
  } catch (e) {
    unstable_rethrow(e); // redirect() and notFound() are control flow, not failures
    if (e instanceof AppError) return failure(e.code, e.fieldErrors);
    if (databaseUnavailable(e)) return failure('unavailable');
    console.error('[action] failed:', e instanceof Error ? e.name : 'unknown');
    return failure('internal');
  }
}

/**
 * Every server action goes through here: a server action is a public endpoint (a bare POST
 * reaches it), so the session is checked inside the action, every time. The verb it calls
 * checks role and region itself; this wrapper authenticates, limits, parses and maps errors.
 */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  run: (user: SessionUser, input: z.output<S>) => Promise<T>,
): (prev: unknown, formData: FormData) => Promise<ActionResult<T>> {
  return (_prev, formData) => runAction(getSessionUser, schema, run, formData);
}

/**
 * The account's own steps (a new password, the second factor's enrolment): also for a session
 * that still owes that step, which every other action refuses as signed out.
 */
export function accountAction<S extends z.ZodType, T>(
  schema: S,
  run: (user: SessionUser, input: z.output<S>) => Promise<T>,
): (prev: unknown, formData: FormData) => Promise<ActionResult<T>> {
  return (_prev, formData) => runAction(async () => (await getSessionState())?.user ?? null, schema, run, formData);
}
