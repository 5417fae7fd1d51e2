import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { todayInChina } from '@/lib/core/time';

// `enrollments.current_amount_fen` (migration 0026) is kept by triggers on enrollment_amounts,
// but an amount dated for a later month only comes into force when that month comes. The first
// read of the roll in a new month (in each app process) brings those rows up to date with
// doudi_refresh_current_amounts(): idempotent, so two instances doing it at once do no harm.
const state = globalThis as unknown as { __doudiCurrentAmountsMonth?: string; __doudiCurrentAmountsRun?: Promise<void> };

export async function ensureCurrentAmounts(db: Db): Promise<void> {
  const month = todayInChina().slice(0, 7);
  if (state.__doudiCurrentAmountsMonth === month) return;
  state.__doudiCurrentAmountsRun ??= db
    .execute(sql`select doudi_refresh_current_amounts()`)
    .then(() => {
      state.__doudiCurrentAmountsMonth = month;
    })
    .finally(() => {
      state.__doudiCurrentAmountsRun = undefined;
    });
  await state.__doudiCurrentAmountsRun;
}

/** For tests: forget that this month was brought up to date. */
export function forgetCurrentAmounts(): void {
  state.__doudiCurrentAmountsMonth = undefined;
}
