import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { regions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, userCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { assertStepDate } from '@/lib/applications/dates';
import { refuse } from '@/lib/core/errors';
import { todayInChina } from '@/lib/core/time';
import { assessLateEntry, recordLateEntry } from '@/lib/late-entries/record';
import { creditFund, drawFromFund, fundOpenedOn } from './fund';
import type { fundMovementSchema } from './schemas';
import { tempAidMessages } from './messages';

/**
 * The county's movements of a township's reserve fund: an allocation (which opens the fund the
 * first time), a top-up, or a return of unused money to the county, which cannot take the
 * balance below zero. Each has its ledger line and audit row in one transaction. Its day (today
 * unless stated) is never after today nor before the fund opened, and one entered more
 * than temp/late_entry_wd working days late is a late entry (补录) with its reason.
 */
export async function moveFunds(user: SessionUser, input: z.output<typeof fundMovementSchema>, now: Date = new Date()) {
  assertCan(user, 'fund.manage');
  const db = await getDb();
  const [township] = await db
    .select()
    .from(regions)
    .where(and(eq(regions.code, input.townshipCode), eq(regions.level, 'township')));
  if (!township || !userCovers(user, township.code)) throw refuse('invalid_input', tempAidMessages.townshipOutOfScope, 'townshipCode');
  const today = todayInChina(now);
  const movedOn = input.movedOn ?? today;
  return db.transaction(async (tx) => {
    assertStepDate('movedOn', movedOn, [{ label: '该备用金设立日', date: await fundOpenedOn(tx, township.code) }], today);
    const late = await assessLateEntry(tx, { program: 'temp', step: `fund_${input.kind}`, countyCode: township.countyCode!, date: movedOn, now, input });
    const movement = { townshipCode: township.code, countyCode: township.countyCode!, amountFen: input.amount, note: input.note, occurredOn: movedOn, field: 'amount' };
    const posted = input.kind === 'return' ? await drawFromFund(tx, user, 'return', movement) : await creditFund(tx, user, input.kind, movement);
    const lateEntry = late
      ? await recordLateEntry(tx, user, late, { kind: 'reserve_fund', id: posted.fundId, countyCode: township.countyCode!, townshipCode: township.code, villageCode: null })
      : null;
    await recordAudit(tx, user, {
      action: `fund.${input.kind}`,
      entity: 'reserve_fund',
      entityId: posted.fundId,
      regionCode: township.code,
      after: { township: township.name, amountFen: input.amount, movedOn, balanceAfterFen: posted.balanceAfterFen, ledgerId: posted.ledgerId, lateEntry },
      reason: input.note,
    });
    return { ...posted, lateEntry };
  });
}
