import { AppError } from '@/lib/core/errors';
import { formatDate } from '@/lib/core/format';
import { exportHouseholds } from '@/lib/households/export';
import { searchParamsSchema } from '@/lib/households/search-input';
import { formDataWithin, formFields } from '@/lib/http/body';
import { xlsxAttachment } from '@/lib/http/download';
import { withUser } from '@/lib/http/route';

/** The list page's filter fields: a few hundred bytes. */
const FILTER_BYTES = 16 * 1024;

/**
 * POST of the list page's search form → the whole filtered list as XLSX, streamed. A POST, not
 * a GET: the filter may hold a name or a resident ID, which must not appear in URLs or logs.
 */
export const POST = withUser(async (user, req) => {
  const parsed = searchParamsSchema.safeParse(formFields(await formDataWithin(req, FILTER_BYTES)));
  if (!parsed.success) throw new AppError('invalid_input');
  const day = formatDate(new Date());
  return new Response(exportHouseholds(user, parsed.data), {
    headers: xlsxAttachment(`家庭档案导出-${day}.xlsx`, `households-${day}.xlsx`),
  });
});
