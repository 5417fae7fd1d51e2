import { AppError } from '@/lib/core/errors';
import { formDataWithin } from '@/lib/http/body';
import { xlsxAttachment } from '@/lib/http/download';
import { withUser } from '@/lib/http/route';
import { exportBankFile } from '@/lib/payouts/bank-file';

const rfc5987 = (s: string) => encodeURIComponent(s).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** POST (format=csv|xlsx) → the approved run's bank file, streamed; full account numbers, audited. */
export const POST = withUser<{ params: Promise<{ id: string }> }>(async (user, req, ctx) => {
  const form = await formDataWithin(req, 4 * 1024); // one field, format
  const format = form?.get('format');
  if (format !== 'csv' && format !== 'xlsx') throw new AppError('invalid_input');
  const { run, countyName, stream } = await exportBankFile(user, (await ctx.params).id, format);
  const base = `${countyName}-${run.month}-银行代发`;
  const ascii = `bank-${run.countyCode}-${run.month}`;
  if (format === 'xlsx') return new Response(stream, { headers: xlsxAttachment(`${base}.xlsx`, `${ascii}.xlsx`) });
  return new Response(stream, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${ascii}.csv"; filename*=UTF-8''${rfc5987(`${base}.csv`)}`,
      'X-Content-Type-Options': 'nosniff',
    },
  });
});
