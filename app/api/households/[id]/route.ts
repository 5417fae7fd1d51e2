import { getHouseholdDetail } from '@/lib/households/detail';
import { json, withUser } from '@/lib/http/route';
import { AppError } from '@/lib/core/errors';

export const GET = withUser(async (user, _req, ctx: { params: Promise<{ id: string }> }) => {
  const household = await getHouseholdDetail(user, (await ctx.params).id);
  if (!household) throw new AppError('not_found');
  return json(household);
});
