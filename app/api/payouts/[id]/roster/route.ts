import { xlsxAttachment } from '@/lib/http/download';
import { withUser } from '@/lib/http/route';
import { exportRoster } from '@/lib/payouts/roster';

/** POST → the run's 花名册 (the user's area) as XLSX, IDs and accounts masked. */
export const POST = withUser<{ params: Promise<{ id: string }> }>(async (user, _req, ctx) => {
  const { run, stream } = await exportRoster(user, (await ctx.params).id);
  return new Response(stream, { headers: xlsxAttachment(`花名册-${run.countyCode}-${run.month}.xlsx`, `roster-${run.countyCode}-${run.month}.xlsx`) });
});
