import { assertCan } from '@/lib/auth/authorize';
import { AppError } from '@/lib/core/errors';
import { formatDate } from '@/lib/core/format';
import { buildErrorReport, rosterErrorsSchema } from '@/lib/households/import/error-report';
import { formDataWithin } from '@/lib/http/body';
import { xlsxAttachment } from '@/lib/http/download';
import { withUser } from '@/lib/http/route';

/**
 * The import page posts back (as a plain form, so the browser downloads the answer) the error
 * list the import returned; the report is built here so that no XLSX code reaches the browser.
 */
export const POST = withUser(async (user, req) => {
  assertCan(user, 'household.write');
  const form = await formDataWithin(req, 1024 * 1024); // at most MAX_REPORTED_ERRORS rows of JSON
  const raw = form?.get('errors');
  let errors: unknown;
  try {
    errors = typeof raw === 'string' ? JSON.parse(raw) : null;
  } catch {
    errors = null;
  }
  const parsed = rosterErrorsSchema.safeParse(errors);
  if (!parsed.success) throw new AppError('invalid_input');
  const day = formatDate(new Date());
  const body = await buildErrorReport(parsed.data);
  return new Response(new Uint8Array(body), {
    headers: xlsxAttachment(`花名册错误报告-${day}.xlsx`, `roster-errors-${day}.xlsx`),
  });
});
