import { AppError } from '@/lib/core/errors';
import { formatDate } from '@/lib/core/format';
import { buildAnnotatedRoster } from '@/lib/households/import/error-report';
import { rosterWithErrors } from '@/lib/households/import/import-roster';
import { MAX_ROSTER_BYTES } from '@/lib/households/import/layout';
import { formDataWithin } from '@/lib/http/body';
import { xlsxAttachment } from '@/lib/http/download';
import { withUser } from '@/lib/http/route';

const MAX_BODY_BYTES = MAX_ROSTER_BYTES + 64 * 1024;

/**
 * POST multipart/form-data with field `file` (the roster the import refused) → the same rows as
 * XLSX with a 错误说明 column, checked again here exactly as the import checks it (nothing written).
 */
export const POST = withUser(async (user, req) => {
  const form = await formDataWithin(req, MAX_BODY_BYTES, '文件超过 10 MB，请拆分成几个文件分别导入');
  const file = form?.get('file');
  if (!(file instanceof File) || file.size === 0) throw new AppError('invalid_input');
  const { rows, errors } = await rosterWithErrors(user, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  const day = formatDate(new Date());
  const body = await buildAnnotatedRoster(rows, errors);
  return new Response(new Uint8Array(body), {
    headers: xlsxAttachment(`花名册（标注错误）-${day}.xlsx`, `roster-annotated-${day}.xlsx`),
  });
});
