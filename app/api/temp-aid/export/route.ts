import { AppError } from '@/lib/core/errors';
import { formatDate } from '@/lib/core/format';
import { formDataWithin, formFields } from '@/lib/http/body';
import { xlsxAttachment } from '@/lib/http/download';
import { withUser } from '@/lib/http/route';
import { exportCases } from '@/lib/temp-aid/export';
import { caseFilterSchema } from '@/lib/temp-aid/schemas';
import { assertCan } from '@/lib/auth/authorize';

/** The case list's filter fields: a few hundred bytes. */
const FILTER_BYTES = 16 * 1024;

/**
 * POST of the case list's filter form → the filtered cases as XLSX. A POST, like the registry's
 * export: the file carries names, and its request must not be replayed from a URL or a log.
 */
export const POST = withUser(async (user, req) => {
  assertCan(user, 'tempaid.read');
  const parsed = caseFilterSchema.safeParse(formFields(await formDataWithin(req, FILTER_BYTES)));
  if (!parsed.success) throw new AppError('invalid_input');
  const day = formatDate(new Date());
  const body = await exportCases(user, parsed.data);
  return new Response(new Uint8Array(body), { headers: xlsxAttachment(`临时救助案件-${day}.xlsx`, `temp-aid-${day}.xlsx`) });
});
