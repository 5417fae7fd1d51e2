import { formDataWithin } from '@/lib/http/body';
import { json, withUser } from '@/lib/http/route';
import { MAX_ANSWER_BYTES } from '@/lib/verification/files';
import { importAnswerFile } from '@/lib/verification/files-io';

const MAX_BODY_BYTES = MAX_ANSWER_BYTES + 64 * 1024;

/** POST multipart/form-data with `department` and `file` → { ok: true, lines, completed } or { ok: false, message, errors }. */
export const POST = withUser<{ params: Promise<{ id: string }> }>(async (user, req, ctx) => {
  const form = await formDataWithin(req, MAX_BODY_BYTES, '文件超过 20 MB，请与部门联系拆分后分别导入');
  const department = form?.get('department');
  if (typeof department !== 'string' || !/^[a-z][a-z0-9_]{1,31}$/.test(department)) return json({ ok: false, message: '请选择核对部门', errors: [], totalErrors: 0 }, 400);
  const file = form?.get('file');
  if (!(file instanceof File) || file.size === 0) return json({ ok: false, message: '请选择部门返回的核对结果文件（.csv）', errors: [], totalErrors: 0 }, 400);
  const outcome = await importAnswerFile(user, (await ctx.params).id, department, { name: file.name, text: await file.text() });
  return json(outcome, outcome.ok ? 200 : 422);
});
