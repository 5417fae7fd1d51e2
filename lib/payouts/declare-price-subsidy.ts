import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { payoutRuns, priceSubsidies, regions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { uniqueViolation } from '@/lib/db/errors';
import { refuse } from '@/lib/core/errors';
import type { priceSubsidySchema } from './schemas';
import { payoutMessages } from './messages';

/**
 * 价格临时补贴: an admin declares it for a month and a province, city or county; every run of that
 * month in the region adds one line per household for the distinct covered persons of the
 * chosen programs. Runs already approved for the month are not reopened: the declaration is refused.
 */
export async function declarePriceSubsidy(user: SessionUser, input: z.output<typeof priceSubsidySchema>) {
  assertCan(user, 'price_subsidy.manage');
  assertCovers(user, input.regionCode);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [region] = await tx.select().from(regions).where(eq(regions.code, input.regionCode));
    if (!region || !['province', 'city', 'county'].includes(region.level)) throw refuse('invalid_input', payoutMessages.priceSubsidyRegion, 'regionCode');
    const prefix = region.level === 'province' ? input.regionCode.slice(0, 2) : region.level === 'city' ? input.regionCode.slice(0, 4) : input.regionCode;
    const closed = (await tx.select({ county: payoutRuns.countyCode, state: payoutRuns.state }).from(payoutRuns).where(and(eq(payoutRuns.month, input.month)))).filter(
      (r) => r.county.startsWith(prefix) && r.state !== 'draft',
    );
    if (closed.length > 0) throw refuse('precondition', payoutMessages.priceSubsidyTooLate(input.month, closed.length), 'month');
    try {
      const [row] = await tx
        .insert(priceSubsidies)
        .values({ month: input.month, regionCode: input.regionCode, perPersonFen: input.perPerson, programs: input.programs, note: input.note, declaredBy: user.id })
        .returning();
      await recordAudit(tx, user, { action: 'price_subsidy.declare', entity: 'price_subsidy', entityId: row!.id, regionCode: input.regionCode, after: row });
      return { id: row!.id };
    } catch (e) {
      if (uniqueViolation(e)) throw refuse('precondition', payoutMessages.priceSubsidyExists(region.name, input.month), 'month');
      throw e;
    }
  });
}
