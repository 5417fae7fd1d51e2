import { AppError } from '@/lib/errors';
import { formatDate } from '@/lib/format';
import { exportHouseholds } from '@/lib/households/export';
import { searchParamsSchema } from '@/lib/households/search-input';
import { xlsxAttachment } from '@/lib/http/download';
import { withUser } from '@/lib/http/route';

/** GET with the list page's query parameters → the whole filtered list as XLSX, streamed. */
export const GET = withUser(async (user, req) => {
  const parsed = searchParamsSchema.safeParse(Object.fromEntries(new URL(req.url).searchParams));
  if (!parsed.success) throw new AppError('invalid_input');
  const day = formatDate(new Date());
  return new Response(exportHouseholds(user, parsed.data), {
    headers: xlsxAttachment(`家庭档案导出-${day}.xlsx`, `households-${day}.xlsx`),
  });
});
