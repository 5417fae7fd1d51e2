import type { Db } from '@/db/client';
import { fundLedger, reserveFunds } from '@/db/schema';

/** Demo reserve funds (临时救助备用金) of the demo caseworkers' townships, 50,000 yuan each. */
export const demoFunds = [
  { townshipCode: '141130101', countyCode: '141130' }, // 交口县 康城镇
  { townshipCode: '141128102', countyCode: '141128' }, // 方山县 峪口镇
];
const DEMO_ALLOCATION_FEN = 5_000_000;

/**
 * Opens each demo fund with its allocation written as a ledger line. A fund that already exists
 * is left alone (whatever its balance now), so running the seed twice changes nothing.
 */
export async function seedReserveFunds(db: Db): Promise<number> {
  let opened = 0;
  for (const f of demoFunds) {
    const created = await db.transaction(async (tx) => {
      const [fund] = await tx.insert(reserveFunds).values({ ...f, balanceFen: DEMO_ALLOCATION_FEN }).onConflictDoNothing().returning({ id: reserveFunds.id });
      if (!fund) return false;
      await tx.insert(fundLedger).values({ fundId: fund.id, kind: 'allocation', amountFen: DEMO_ALLOCATION_FEN, balanceAfterFen: DEMO_ALLOCATION_FEN, note: '演示数据：县级拨付临时救助备用金' });
      return true;
    });
    if (created) opened++;
  }
  return opened;
}
