import { can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/core/errors';
import { json, withUser } from '@/lib/http/route';
import { assertRunVisible } from '@/lib/payouts/access';
import { readProgress } from '@/lib/payouts/progress';

/** GET ?county=141130&month=2026-12 → the generation's progress row, polled while a generation runs. */
export const GET = withUser(async (user, req) => {
  const url = new URL(req.url);
  const county = url.searchParams.get('county') ?? '';
  const month = url.searchParams.get('month') ?? '';
  if (!can(user.role, 'payout.read') || !/^\d{6}$/.test(county) || !/^\d{4}-\d{2}$/.test(month)) throw new AppError('not_found');
  assertRunVisible(user, county);
  const job = await readProgress(county, month);
  return json(job && { step: job.step, steps: job.steps, label: job.label, startedAt: job.startedAt, finishedAt: job.finishedAt, error: job.error, status: job.status });
});
