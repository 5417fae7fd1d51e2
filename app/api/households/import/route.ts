import { importRoster } from '@/lib/households/import/import-roster';
import { MAX_ROSTER_BYTES } from '@/lib/households/import/layout';
import { formDataWithin } from '@/lib/http/body';
import { json, withUser } from '@/lib/http/route';

// Room for the multipart envelope around a file of the maximum size.
const MAX_BODY_BYTES = MAX_ROSTER_BYTES + 64 * 1024;

/** POST multipart/form-data with field `file` → { ok: true, households, members } or { ok: false, message, errors }. */
export const POST = withUser(async (user, req) => {
  const form = await formDataWithin(req, MAX_BODY_BYTES, '文件超过 10 MB，请拆分成几个文件分别导入');
  const file = form?.get('file');
  if (!(file instanceof File) || file.size === 0) {
    return json({ ok: false, message: '请选择要导入的花名册文件（.xlsx 或 .csv）', errors: [], totalErrors: 0 }, 400);
  }
  const outcome = await importRoster(user, { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  return json(outcome, outcome.ok ? 200 : 422);
});
