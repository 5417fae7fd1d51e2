import { formDataWithin } from '@/lib/http/body';
import { json, withUser } from '@/lib/http/route';
import { dispatchSoon } from '@/lib/messages/dispatch';
import { importReturn } from '@/lib/payouts/import-return';
import { MAX_RETURN_BYTES } from '@/lib/payouts/return-file';

/** POST multipart (field `file`, the bank's CSV) → { ok: true, … } or { ok: false, message, errors }. */
export const POST = withUser<{ params: Promise<{ id: string }> }>(async (user, req, ctx) => {
  const form = await formDataWithin(req, MAX_RETURN_BYTES + 64 * 1024, '文件超过 20 MB');
  const file = form?.get('file');
  if (!(file instanceof File) || file.size === 0) return json({ ok: false, message: '请选择银行回盘文件（.csv）', errors: [], totalErrors: 0 }, 400);
  const outcome = await importReturn(user, (await ctx.params).id, { name: file.name, text: await file.text() });
  if (outcome.ok) dispatchSoon(); // the 发放 messages it wrote
  return json(outcome, outcome.ok ? 200 : 422);
});
