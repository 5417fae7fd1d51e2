import 'server-only';
import { unstable_rethrow } from 'next/navigation';
import qs from 'qs';
import type { z } from 'zod';
import { getSessionUser } from '@/lib/auth/session';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, failure, type ActionResult } from '@/lib/core/errors';
import { databaseUnavailable } from '@/lib/db/errors';

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
 * Every server action goes through here: a server action is a public endpoint (a bare POST
 * reaches it), so the session is checked inside the action, every time. The verb it calls
 * checks role and region itself; this wrapper authenticates, parses and maps errors.
 */
export function authedAction<S extends z.ZodType, T>(
  schema: S,
  run: (user: SessionUser, input: z.output<S>) => Promise<T>,
): (prev: unknown, formData: FormData) => Promise<ActionResult<T>> {
  return async (_prev, formData) => {
    try {
      // The session check reads the database too: inside the try, so that a lost connection
      // answers with the app's own result instead of an error page.
      const user = await getSessionUser();
      if (!user) return failure('unauthenticated');
      const parsed = schema.safeParse(formDataToObject(formData));
      if (!parsed.success) return failure('invalid_input', fieldErrorsOf(parsed.error));
      return { ok: true, data: await run(user, parsed.data) };
    } catch (e) {
      unstable_rethrow(e); // redirect() and notFound() are control flow, not failures
      if (e instanceof AppError) return failure(e.code, e.fieldErrors);
      if (databaseUnavailable(e)) return failure('unavailable');
      console.error('[action] failed:', e instanceof Error ? e.name : 'unknown');
      return failure('internal');
    }
  };
}
