import 'server-only';
import { sql, type SQL } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { rowsOf } from '@/lib/core/sql';

// What the statements of a generation share. Each statement is one INSERT … SELECT … ON
// CONFLICT with its DELETE in the same statement (data-modifying CTEs), so a draft is brought to
// what it should be without a row passing through JavaScript, and an unchanged line is neither
// rewritten nor duplicated: rows are compared before the upsert, and only new or different ones
// are written. The eligibility and block rules are lib/payouts/rules.ts (monthVerdict,
// accountBlockReason).

/** Mirrors accountBlockReason() for a households row aliased h. */
export const BLOCK_REASON_SQL = sql.raw(`CASE
  WHEN h.bank_account IS NULL OR btrim(h.bank_account) = '' THEN '未登记发放账户'
  WHEN h.bank_name IS NULL OR btrim(h.bank_name) = '' THEN '未登记开户银行'
  WHEN h.bank_account_holder IS NULL OR btrim(h.bank_account_holder) = '' THEN '未登记账户名'
  WHEN h.bank_account_kind = 'card' AND h.bank_account !~ '^[0-9]{16,19}$' THEN '银行卡号格式不正确'
  WHEN h.bank_account_kind = 'passbook' AND h.bank_account !~ '^[0-9A-Za-z]{6,30}$' THEN '存折账号格式不正确'
  WHEN h.bank_account_kind IS NULL OR h.bank_account_kind NOT IN ('card', 'passbook') THEN '未登记账户类型'
  WHEN h.account_change_id IS NOT NULL THEN '账户变更待复核'
  WHEN h.status = 'closed' THEN '家庭已销户'
END`);

export interface Counts {
  inserted: number;
  updated: number;
  removed: number;
}

export async function counts(tx: Tx, statement: SQL): Promise<Counts> {
  const [r] = rowsOf<{ inserted: string | number; updated: string | number; removed: string | number }>(await tx.execute(statement));
  return { inserted: Number(r?.inserted ?? 0), updated: Number(r?.updated ?? 0), removed: Number(r?.removed ?? 0) };
}


/**
 * A line held by the sweep (lib/payouts/generation/sweep.ts) carries a block reason that starts
 * with this; the generation's own reasons never do. The generation compares lines without it, so
 * a held line that is otherwise right is not rewritten, and the sweep alone holds and releases.
 */
export const SWEEP_HOLD_PREFIX = '数据核查';

/** A stored line's block reason as the generation sees it: the sweep's hold is not the generation's. */
export function generationBlockReason(t: string): string {
  return `(CASE WHEN ${t}.block_reason LIKE '${SWEEP_HOLD_PREFIX}%' THEN NULL ELSE ${t}.block_reason END)`;
}
