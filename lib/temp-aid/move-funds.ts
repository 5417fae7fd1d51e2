import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { regions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, userCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { refuse } from '@/lib/core/errors';
import { creditFund, drawFromFund } from './fund';
import type { fundMovementSchema } from './schemas';
import { tempAidMessages } from './messages';

/**
 * The county's movements of a township's reserve fund: an allocation (which opens the fund the
 * first time), a top-up, or a return of unused money to the county, which cannot take the
 * balance below zero. Each has its ledger line and audit row in one transaction.
 */
export async function moveFunds(user: SessionUser, input: z.output<typeof fundMovementSchema>) {
  assertCan(user, 'fund.manage');
  const db = await getDb();
  const [township] = await db
    .select()
    .from(regions)
    .where(and(eq(regions.code, input.townshipCode), eq(regions.level, 'township')));
  if (!township || !userCovers(user, township.code)) throw refuse('invalid_input', tempAidMessages.townshipOutOfScope, 'townshipCode');
  return db.transaction(async (tx) => {
    const movement = { townshipCode: township.code, countyCode: township.countyCode!, amountFen: input.amount, note: input.note, field: 'amount' };
    const posted = input.kind === 'return' ? await drawFromFund(tx, user, 'return', movement) : await creditFund(tx, user, input.kind, movement);
    await recordAudit(tx, user, {
      action: `fund.${input.kind}`,
      entity: 'reserve_fund',
      entityId: posted.fundId,
      regionCode: township.code,
      after: { township: township.name, amountFen: input.amount, balanceAfterFen: posted.balanceAfterFen, ledgerId: posted.ledgerId },
      reason: input.note,
    });
    return posted;
  });
}
