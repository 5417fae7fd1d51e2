import { assertCan } from '@/lib/auth/authorize';
import { decodeCsv } from '@/lib/households/import/parse';
import { formDataWithin } from '@/lib/http/body';
import { json, withUser } from '@/lib/http/route';
import { importSubsidyRoster } from '@/lib/subsidies/import-roster';

/** 20,000 rows of about 120 bytes, with room to spare. */
const MAX_ROSTER_BYTES = 5 * 1024 * 1024;

/**
 * POST multipart/form-data with `file` (the federation's roster, CSV in UTF-8 or GBK) →
 * { ok: true, enrollments, periods } or { ok: false, message, errors }: checked whole, one bad row
 * and nothing is written (lib/subsidies/import-roster.ts).
 */
export const POST = withUser(async (user, req) => {
  assertCan(user, 'enrollment.approve');
  const form = await formDataWithin(req, MAX_ROSTER_BYTES + 64 * 1024, '文件超过 5 MB，请拆分成几个文件分别导入');
  const file = form?.get('file');
  if (!(file instanceof File) || file.size === 0) return json({ ok: false, message: '请选择要导入的花名册文件（.csv）', errors: [] }, 400);
  if (file.size > MAX_ROSTER_BYTES) return json({ ok: false, message: '文件超过 5 MB，请拆分成几个文件分别导入', errors: [] }, 413);
  const text = decodeCsv(new Uint8Array(await file.arrayBuffer()));
  if (text === null) return json({ ok: false, message: '无法识别 CSV 文件的编码，请在 Excel 中“另存为”“CSV UTF-8”后再导入', errors: [] }, 422);
  const outcome = await importSubsidyRoster(user, text);
  if (outcome.ok) return json(outcome);
  return json({ ok: false, message: `花名册有 ${outcome.errors.length} 处错误，未导入任何记录；请改正后重新导入整个文件`, errors: outcome.errors }, 422);
});
