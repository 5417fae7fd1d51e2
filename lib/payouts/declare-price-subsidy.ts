import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { payoutRuns, priceSubsidies, regions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { uniqueViolation } from '@/lib/db/errors';
import { AppError } from '@/lib/core/errors';
import type { priceSubsidySchema } from './schemas';

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
    if (!region || !['province', 'city', 'county'].includes(region.level)) throw new AppError('invalid_input', { regionCode: '请选择省、市或县（区）' });
    const prefix = region.level === 'province' ? input.regionCode.slice(0, 2) : region.level === 'city' ? input.regionCode.slice(0, 4) : input.regionCode;
    const closed = (await tx.select({ county: payoutRuns.countyCode, state: payoutRuns.state }).from(payoutRuns).where(and(eq(payoutRuns.month, input.month)))).filter(
      (r) => r.county.startsWith(prefix) && r.state !== 'draft',
    );
    if (closed.length > 0) throw new AppError('invalid_input', { month: `${input.month} 已有 ${closed.length} 个县（区）的发放批次审批通过，不能再追加补贴` });
    try {
      const [row] = await tx
        .insert(priceSubsidies)
        .values({ month: input.month, regionCode: input.regionCode, perPersonFen: input.perPerson, programs: input.programs, note: input.note, declaredBy: user.id })
        .returning();
      await recordAudit(tx, user, { action: 'price_subsidy.declare', entity: 'price_subsidy', entityId: row!.id, regionCode: input.regionCode, after: row });
      return { id: row!.id };
    } catch (e) {
      if (uniqueViolation(e)) throw new AppError('invalid_input', { month: `${region.name} ${input.month} 已有价格临时补贴` });
      throw e;
    }
  });
}
