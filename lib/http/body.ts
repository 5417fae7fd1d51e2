import { AppError, refuse } from '@/lib/core/errors';

/**
 * A request's body, refused as `too_large` (413) once it passes `maxBytes` — counted as it
 * streams, so a body without Content-Length, or with a false one, cannot get past the limit
 * and nothing beyond it is held in memory. A declared length over the limit is refused unread.
 */
export async function readBodyWithin(req: Request, maxBytes: number, message?: string): Promise<Uint8Array<ArrayBuffer>> {
  const tooLarge = () => (message ? refuse('too_large', message) : new AppError('too_large'));
  if (Number(req.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    body.set(c, at);
    at += c.byteLength;
  }
  return body;
}

/** The form a route handler was posted, within `maxBytes`; null when the body is not a form. */
export async function formDataWithin(req: Request, maxBytes: number, message?: string): Promise<FormData | null> {
  const body = await readBodyWithin(req, maxBytes, message);
  const type = req.headers.get('content-type') ?? '';
  return new Response(body, { headers: { 'content-type': type } }).formData().catch(() => null);
}

/** The string fields of a form (files dropped), for a zod schema. */
export function formFields(form: FormData | null): Record<string, string> {
  if (!form) return {};
  return Object.fromEntries([...form].filter((e): e is [string, string] => typeof e[1] === 'string'));
}
