import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { rowsOf } from '@/lib/core/sql';
import { maskAccount } from '@/lib/households/mask';
import { assertRunVisible } from './access';
import { findRun } from './generate';
import { lineScope } from './queries';

export const CHANGED_ACCOUNTS_SHOWN = 100;

/**
 * The lines of a run (in the user's area) whose bank account is not the one the household was last
 * paid to: each line's snapshot against the household's latest paid line of an earlier month. A
 * household never paid before is not listed (there is nothing to compare with). Before sending a
 * run to the bank, these are the payments worth a second look. One probe per line on the
 * (household_id, month) index; the first CHANGED_ACCOUNTS_SHOWN in line order, accounts masked.
 */
export async function changedAccountLines(user: SessionUser, runId: string) {
  assertCan(user, 'payout.read');
  const db = await getDb();
  const run = await findRun(db, runId);
  assertRunVisible(user, run?.countyCode);
  const found = rowsOf<{
    id: string; household_id: string; kind: string; program: string; amount_fen: string; blocked: boolean; block_reason: string | null;
    bank_name: string | null; bank_account: string | null; bank_account_holder: string | null;
    paid_month: string; paid_bank_name: string | null; paid_account: string | null; paid_holder: string | null; head_name: string | null; village_name: string | null;
  }>(
    await db.execute(sql`
      SELECT payout_lines.id, payout_lines.household_id, payout_lines.kind, payout_lines.program, payout_lines.amount_fen,
        payout_lines.blocked, payout_lines.block_reason, payout_lines.bank_name, payout_lines.bank_account, payout_lines.bank_account_holder,
        p.month AS paid_month, p.bank_name AS paid_bank_name, p.bank_account AS paid_account, p.bank_account_holder AS paid_holder,
        (SELECT m.name FROM members m WHERE m.household_id = payout_lines.household_id AND m.is_head AND m.status = 'active' LIMIT 1) AS head_name,
        (SELECT r.name FROM regions r WHERE r.code = payout_lines.village_code) AS village_name
      FROM payout_lines
      CROSS JOIN LATERAL (
        SELECT o.month, o.bank_name, o.bank_account_kind, o.bank_account, o.bank_account_holder FROM payout_lines o
        WHERE o.household_id = payout_lines.household_id AND o.month < payout_lines.month AND o.status = 'paid'
        ORDER BY o.month DESC, o.id DESC LIMIT 1
      ) p
      WHERE payout_lines.run_id = ${run!.id}::uuid AND payout_lines.kind <> 'recovery' AND ${lineScope(user)}
        AND (payout_lines.bank_name, payout_lines.bank_account_kind, payout_lines.bank_account, payout_lines.bank_account_holder)
          IS DISTINCT FROM (p.bank_name, p.bank_account_kind, p.bank_account, p.bank_account_holder)
      ORDER BY payout_lines.id
      LIMIT ${CHANGED_ACCOUNTS_SHOWN + 1}`),
  );
  const rows = found.slice(0, CHANGED_ACCOUNTS_SHOWN).map((r) => ({
    id: Number(r.id),
    householdId: r.household_id,
    kind: r.kind,
    program: r.program,
    amountFen: Number(r.amount_fen),
    blocked: r.blocked,
    blockReason: r.block_reason,
    headName: r.head_name,
    villageName: r.village_name,
    account: { bankName: r.bank_name, masked: maskAccount(r.bank_account), holder: r.bank_account_holder },
    lastPaid: { month: r.paid_month, bankName: r.paid_bank_name, masked: maskAccount(r.paid_account), holder: r.paid_holder },
  }));
  return { rows, more: found.length > CHANGED_ACCOUNTS_SHOWN };
}

export type ChangedAccountLine = Awaited<ReturnType<typeof changedAccountLines>>['rows'][number];
