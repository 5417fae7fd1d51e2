import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { fundLedger, reserveFunds, tempAidCases } from '@/db/schema';
import { seedReserveFunds } from '@/db/seed/temp-aid';
import { AppError } from '@/lib/core/errors';
import { moveFunds } from '@/lib/temp-aid/move-funds';
import { payFirstResponse } from '@/lib/temp-aid/pay-first-response';
import { appDb, insertHousehold, signedIn } from './support/app';
import { balanceOf, caseworkerOf, firstResponse, ledgerSum, otherTownship, refusal } from './support/temp-aid';

describe('a reserve fund never goes below zero', () => {
  it('lets exactly the affordable payments through when five are made at once by two caseworkers', async () => {
    const db = await appDb();
    const { township, village } = await otherTownship(0);
    await moveFunds(await signedIn('supervisor'), { townshipCode: township, kind: 'allocation', amount: 100_000, note: '测试拨付 1,000 元' });
    const [a, b] = await Promise.all([caseworkerOf(township, 'a'), caseworkerOf(township, 'b')]);
    const homes = await Promise.all(Array.from({ length: 5 }, () => insertHousehold(db, { villageCode: village })));

    const results = await Promise.allSettled(homes.map((h, i) => payFirstResponse(i % 2 ? a : b, firstResponse(h, { amountFen: 30_000 }))));
    const paid = results.filter((r) => r.status === 'fulfilled');
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as unknown] : []));
    expect(paid).toHaveLength(3);
    expect(refused).toHaveLength(2);
    for (const e of refused) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).fieldErrors.amount).toBe('备用金余额不足：当前余额 ¥100.00');
    }
    expect(await balanceOf(township)).toBe(10_000);
    expect(await ledgerSum(township)).toEqual({ inFen: 100_000, outFen: 90_000, lines: 4 });
    expect(await db.select().from(tempAidCases).where(eq(tempAidCases.townshipCode, township))).toHaveLength(3);

    // Every line's balance is the one before it, moved by its amount, never below zero.
    const [fund] = await db.select().from(reserveFunds).where(eq(reserveFunds.townshipCode, township));
    const lines = await db.select().from(fundLedger).where(eq(fundLedger.fundId, fund!.id)).orderBy(asc(fundLedger.id));
    lines.reduce((balance, l) => {
      const next = balance + (l.kind === 'draw' || l.kind === 'return' ? -l.amountFen : l.amountFen);
      expect(l.balanceAfterFen).toBe(next);
      expect(next).toBeGreaterThanOrEqual(0);
      return next;
    }, 0);
  });

  it('lets only one of two caseworkers draw the last yuan, and refuses a return that would overdraw', async () => {
    const db = await appDb();
    const { township, village } = await otherTownship(1);
    const supervisor = await signedIn('supervisor');
    await moveFunds(supervisor, { townshipCode: township, kind: 'allocation', amount: 100, note: '最后一元' });
    const [a, b] = await Promise.all([caseworkerOf(township, 'a'), caseworkerOf(township, 'b')]);
    const [h1, h2] = await Promise.all([insertHousehold(db, { villageCode: village }), insertHousehold(db, { villageCode: village })]);

    const results = await Promise.allSettled([payFirstResponse(a, firstResponse(h1, { amountFen: 100 })), payFirstResponse(b, firstResponse(h2, { amountFen: 100 }))]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await balanceOf(township)).toBe(0);

    const e = await refusal(moveFunds(supervisor, { townshipCode: township, kind: 'return', amount: 1, note: '上缴' }));
    expect(e.fieldErrors.amount).toBe('备用金余额不足：当前余额 ¥0.00');
    await moveFunds(supervisor, { townshipCode: township, kind: 'top_up', amount: 500, note: '补充' });
    const posted = await moveFunds(supervisor, { townshipCode: township, kind: 'return', amount: 200, note: '上缴结余' });
    expect(posted.balanceAfterFen).toBe(300);
    expect(await ledgerSum(township)).toEqual({ inFen: 600, outFen: 300, lines: 4 });
  });

  it('refuses a payment from a township that has no fund yet, naming why', async () => {
    const db = await appDb();
    const { township, village } = await otherTownship(2);
    const cw = await caseworkerOf(township, 'a');
    const e = await refusal(payFirstResponse(cw, firstResponse(await insertHousehold(db, { villageCode: village }))));
    expect(e.fieldErrors.amount).toBe('本乡镇尚未设立临时救助备用金，请联系县级民政部门拨付');
    expect(await balanceOf(township)).toBeNull();
  });

  it('opens the demo funds once, with their allocation as a ledger line, however often the seed runs', async () => {
    const db = await appDb();
    expect(await seedReserveFunds(db)).toBe(0);
    const [fund] = await db.select().from(reserveFunds).where(eq(reserveFunds.townshipCode, '141128102'));
    const [first] = await db.select().from(fundLedger).where(eq(fundLedger.fundId, fund!.id)).orderBy(asc(fundLedger.id)).limit(1);
    expect(first).toMatchObject({ kind: 'allocation', amountFen: 5_000_000, balanceAfterFen: 5_000_000 });
  });
});
