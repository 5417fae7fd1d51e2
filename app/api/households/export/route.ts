import { AppError } from '@/lib/core/errors';
import { formatDate } from '@/lib/core/format';
import { exportHouseholds } from '@/lib/households/export';
import { searchParamsSchema } from '@/lib/households/search-input';
import { xlsxAttachment } from '@/lib/http/download';
import { withUser } from '@/lib/http/route';

/**
 * POST of the list page's search form → the whole filtered list as XLSX, streamed. A POST, not
 * a GET: the filter may hold a name or a resident ID, which must not appear in URLs or logs.
 */
export const POST = withUser(async (user, req) => {
  const form = await req.formData();
  const fields = Object.fromEntries([...form].filter((e): e is [string, string] => typeof e[1] === 'string'));
  const parsed = searchParamsSchema.safeParse(fields);
  if (!parsed.success) throw new AppError('invalid_input');
  const day = formatDate(new Date());
  return new Response(exportHouseholds(user, parsed.data), {
    headers: xlsxAttachment(`家庭档案导出-${day}.xlsx`, `households-${day}.xlsx`),
  });
});
