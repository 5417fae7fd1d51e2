import { AppError } from '@/lib/core/errors';
import { formatDate } from '@/lib/core/format';
import { exportEnrollments } from '@/lib/enrollments/export';
import { amountRange, enrollmentListSearchSchema } from '@/lib/enrollments/list-filter';
import { formDataWithin, formFields } from '@/lib/http/body';
import { xlsxAttachment } from '@/lib/http/download';
import { withUser } from '@/lib/http/route';

/** The list page's filter and search fields: a few hundred bytes. */
const FILTER_BYTES = 16 * 1024;

/**
 * POST of the beneficiaries list's search form → the whole filtered list as XLSX, streamed. A
 * POST, not a GET: the search may hold a name or a resident ID, which must not appear in URLs or
 * logs. Region and role are enforced by the query; the export is audited.
 */
export const POST = withUser(async (user, req) => {
  const parsed = enrollmentListSearchSchema.safeParse(formFields(await formDataWithin(req, FILTER_BYTES)));
  if (!parsed.success || !amountRange(parsed.data).ok) throw new AppError('invalid_input');
  const day = formatDate(new Date());
  return new Response(exportEnrollments(user, parsed.data), {
    headers: xlsxAttachment(`在册名单导出-${day}.xlsx`, `enrollments-${day}.xlsx`),
  });
});
