import { AppError } from '@/lib/core/errors';
import { formDataWithin } from '@/lib/http/body';
import { withUser } from '@/lib/http/route';
import { exportRequestFile } from '@/lib/verification/files-io';

const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** POST (department=code) → the request's CSV for that department (UTF-8 BOM), full IDs, audited. */
export const POST = withUser<{ params: Promise<{ id: string }> }>(async (user, req, ctx) => {
  const form = await formDataWithin(req, 4 * 1024);
  const department = form?.get('department');
  if (typeof department !== 'string' || !/^[a-z][a-z0-9_]{1,31}$/.test(department)) throw new AppError('invalid_input');
  const file = await exportRequestFile(user, (await ctx.params).id, department);
  return new Response(file.text, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${file.asciiName}"; filename*=UTF-8''${rfc5987(file.fileName)}`,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
