import { exportAuditLog } from '@/lib/audit/export';
import { auditFilterSchema } from '@/lib/audit/filter';
import { assertCan } from '@/lib/auth/authorize';
import { AppError } from '@/lib/core/errors';
import { formatDate } from '@/lib/core/format';
import { formDataWithin, formFields } from '@/lib/http/body';
import { xlsxAttachment } from '@/lib/http/download';
import { withUser } from '@/lib/http/route';

/** The filter form's fields: a few hundred bytes. */
const FILTER_BYTES = 16 * 1024;

/**
 * POST of the /audit filter form → the filtered log as XLSX, streamed. A POST like the other
 * exports: the file carries names and reasons, and its request must not be replayed from a link.
 */
export const POST = withUser(async (user, req) => {
  assertCan(user, 'audit.read');
  const parsed = auditFilterSchema.safeParse(formFields(await formDataWithin(req, FILTER_BYTES)));
  if (!parsed.success) throw new AppError('invalid_input', Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0] ?? '_form'), i.message])));
  const day = formatDate(new Date());
  return new Response(exportAuditLog(user, parsed.data), { headers: xlsxAttachment(`审计日志-${day}.xlsx`, `audit-log-${day}.xlsx`) });
});
