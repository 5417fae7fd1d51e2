import 'server-only';
import { asc, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { auditLog, tempAidCases } from '@/db/schema';
import type { AuditAction } from '@/lib/audit/labels';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { maskAccount } from '@/lib/households/mask';
import { rowsOf } from '@/lib/core/sql';
import { paymentIdOfLine, type PaymentLine, type RunLine } from './bank-run-rules';
import { canMove } from './rules';

/**
 * Every payout line that carries one of the payments: its 'temp_aid' line of the month, and the
 * re-issues of that line (and of those), each with the state of its run. Probed by source, through
 * the (kind, source_id, month) index, so it costs the same in a run of ten lines or a million.
 */
export async function runLinesOf(db: Db | Tx, paymentIds: readonly string[]): Promise<Map<string, RunLine[]>> {
  const out = new Map<string, RunLine[]>();
  if (paymentIds.length === 0) return out;
  const found = rowsOf<{ payment_id: string; id: string; run_id: string; month: string; run_state: string; status: string; blocked: boolean; failure_reason: string | null }>(
    await db.execute(sql`
      WITH RECURSIVE chain AS (
        SELECT l.id, l.run_id, l.month, l.status, l.blocked, l.failure_reason, l.source_id AS payment_id
        FROM payout_lines l
        WHERE l.kind = 'temp_aid' AND l.source_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(paymentIds)}::jsonb))
        UNION ALL
        SELECT r.id, r.run_id, r.month, r.status, r.blocked, r.failure_reason, c.payment_id
        FROM payout_lines r JOIN chain c ON r.kind = 'reissue' AND r.source_id = c.id::text
      )
      SELECT c.payment_id, c.id, c.run_id, c.month, pr.state AS run_state, c.status, c.blocked, c.failure_reason
      FROM chain c JOIN payout_runs pr ON pr.id = c.run_id
      ORDER BY c.month, c.id`),
  );
  for (const r of found) {
    const line: RunLine = { lineId: Number(r.id), runId: r.run_id, month: r.month, runState: r.run_state, status: r.status, blocked: r.blocked, failureReason: r.failure_reason };
    out.set(r.payment_id, [...(out.get(r.payment_id) ?? []), line]);
  }
  return out;
}

/** A line the bank's return file has just marked paid. */
export interface PaidLine extends PaymentLine {
  id: number;
}

/**
 * Inside the import of a bank return file: the temporary-aid payments that the lines just marked
 * paid were carrying become paid by that line (no fund ledger line: the county's run paid them,
 * not the township fund), with the account the bank paid into; their cases move as a payment by
 * hand moves them (approved → paid, paid total up) and each case gets its audit rows. Set-based:
 * one statement per step whatever the number of payments. Cases are locked first, in id order,
 * as every case step locks its case before its payments.
 */
export async function settleRunPayments(
  tx: Tx,
  user: SessionUser,
  run: { id: string; month: string },
  lines: readonly PaidLine[],
  today: string,
): Promise<{ settled: number; notApproved: string[] }> {
  const pairs = lines.flatMap((l) => {
    const paymentId = paymentIdOfLine(l);
    return paymentId ? [{ payment_id: paymentId, line_id: l.id }] : [];
  });
  if (pairs.length === 0) return { settled: 0, notApproved: [] };
  const json = JSON.stringify(pairs);

  const cases = await tx
    .select()
    .from(tempAidCases)
    .where(
      sql`${tempAidCases.id} IN (SELECT p.case_id FROM temp_aid_payments p JOIN jsonb_to_recordset(${json}::jsonb) AS v(payment_id uuid, line_id bigint)
        ON p.id = v.payment_id WHERE p.status = 'approved')`,
    )
    .orderBy(asc(tempAidCases.id))
    .for('update');

  const settled = rowsOf<{ id: string; case_id: string; amount_fen: string; payout_line_id: string; bank_account: string | null; purpose: string }>(
    await tx.execute(sql`
      UPDATE temp_aid_payments p SET status = 'paid', paid_by = ${user.id}::uuid, paid_on = ${today}::date, payout_line_id = v.line_id,
        receipt_no = NULL, bank_name = l.bank_name, bank_account = l.bank_account, bank_account_holder = l.bank_account_holder
      FROM jsonb_to_recordset(${json}::jsonb) AS v(payment_id uuid, line_id bigint) JOIN payout_lines l ON l.id = v.line_id
      WHERE p.id = v.payment_id AND p.status = 'approved' AND p.method = 'bank'
      RETURNING p.id, p.case_id, p.amount_fen, p.payout_line_id, p.bank_account, p.purpose`),
  );
  const done = new Set(settled.map((s) => s.id));
  const notApproved = pairs.map((p) => p.payment_id).filter((id) => !done.has(id));
  if (settled.length === 0) return { settled: 0, notApproved };

  const paidOf = new Map<string, typeof settled>();
  for (const s of settled) paidOf.set(s.case_id, [...(paidOf.get(s.case_id) ?? []), s]);
  const moves = cases
    .filter((c) => paidOf.has(c.id))
    .map((c) => {
      const payments = paidOf.get(c.id)!;
      const addFen = payments.reduce((sum, p) => sum + Number(p.amount_fen), 0);
      // A case decided and waiting for its money is now paid; a completed first response paying
      // its follow-up (or any other state) keeps its state and only its paid total moves.
      const to = c.state === 'approved' && canMove(c.kind, 'approved', 'paid') ? 'paid' : c.state;
      return { c, payments, to, addFen };
    });
  const moved = rowsOf<{ id: string }>(
    await tx.execute(sql`
      UPDATE temp_aid_cases c SET state = v.to_state, paid_fen = c.paid_fen + v.add_fen, version = c.version + 1, updated_at = now()
      FROM jsonb_to_recordset(${JSON.stringify(moves.map((m) => ({ id: m.c.id, version: m.c.version, to_state: m.to, add_fen: m.addFen })))}::jsonb)
        AS v(id uuid, version int, to_state text, add_fen bigint)
      WHERE c.id = v.id AND c.version = v.version
      RETURNING c.id`),
  );
  if (moved.length !== moves.length || moves.length !== paidOf.size) throw new AppError('conflict');

  // The audit rows of a case step (lib/temp-aid/load.ts auditCase): on the case and on the household's timeline.
  const entries = moves.flatMap(({ c, payments, to, addFen }) => {
    const after = {
      state: to,
      paidFen: c.paidFen + addFen,
      via: 'payout_run',
      runId: run.id,
      month: run.month,
      payments: payments.map((p) => ({ paymentId: p.id, purpose: p.purpose, amountFen: Number(p.amount_fen), method: 'bank', payoutLineId: Number(p.payout_line_id), bankAccount: maskAccount(p.bank_account) })),
    };
    const base = { actorId: user.id, actorName: user.name, action: 'tempaid.pay' satisfies AuditAction, regionCode: c.villageCode, before: { state: c.state }, reason: null };
    return [
      { ...base, entity: 'temp_aid_case', entityId: c.id, after },
      { ...base, entity: 'household', entityId: c.householdId, after: { ...after, caseId: c.id } },
    ];
  });
  await tx.insert(auditLog).values(entries);
  return { settled: settled.length, notApproved };
}
