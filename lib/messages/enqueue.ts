import 'server-only';
import { sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import type { TextMessageKind } from '@/db/schema';
import { rowsOf } from '@/lib/core/sql';
import { noteQueued } from './dispatch';

/**
 * Writes a message to the outbox inside the caller's transaction (it goes, or not, with the step),
 * to the phone the registry holds for the household now; a household without one gets a row that
 * says so, so the caseworker sees that nobody was told. Once per (kind, ref).
 */
export async function enqueueMessage(tx: Tx, input: { householdId: string; kind: TextMessageKind; ref: string; body: string }): Promise<void> {
  await tx.execute(sql`
    INSERT INTO text_messages (household_id, kind, ref, phone, body, state)
    SELECT h.id, ${input.kind}, ${input.ref}, nullif(btrim(h.phone), ''), ${input.body},
      CASE WHEN nullif(btrim(h.phone), '') IS NULL THEN 'no_phone' ELSE 'pending' END
    FROM households h WHERE h.id = ${input.householdId}::uuid
    ON CONFLICT (kind, ref) DO NOTHING`);
  noteQueued();
}

/**
 * 发放 messages for the lines of a run the bank has paid, one per line, set-based (a county's run
 * is 200,000 lines): a line already told (an answer file imported again) is not told twice.
 */
export async function enqueuePaymentMessages(tx: Tx, run: { id: string; countyCode: string }, countyName: string): Promise<number> {
  const sender = `【${countyName}民政局】`;
  const [r] = rowsOf<{ n: number }>(
    await tx.execute(sql`
    WITH ins AS (
      INSERT INTO text_messages (household_id, kind, ref, phone, body, state)
      SELECT l.household_id, 'paid', 'line:' || l.id, nullif(btrim(h.phone), ''),
        ${sender} || l.month || ' 救助金 ¥' || to_char(p.fen / 100.0, 'FM999,999,990.00') || ' 已发放至您尾号 ' || right(l.bank_account, 4) || ' 的账户。',
        CASE WHEN nullif(btrim(h.phone), '') IS NULL THEN 'no_phone' ELSE 'pending' END
      FROM payout_lines l JOIN households h ON h.id = l.household_id
      -- What the bank paid: the line less the month's 扣回 of its enrollment, as in the bank file.
      LEFT JOIN (SELECT r.enrollment_id, sum(r.amount_fen) AS fen FROM payout_lines r WHERE r.run_id = ${run.id}::uuid AND r.kind = 'recovery' GROUP BY r.enrollment_id) rc
        ON l.kind = 'enrollment' AND rc.enrollment_id = l.enrollment_id
      CROSS JOIN LATERAL (SELECT l.amount_fen + coalesce(rc.fen, 0) AS fen) p
      WHERE l.run_id = ${run.id}::uuid AND l.status = 'paid' AND l.kind <> 'recovery' AND p.fen > 0
      ON CONFLICT (kind, ref) DO NOTHING
      RETURNING 1
    ) SELECT count(*)::int AS n FROM ins`),
  );
  if (r?.n) noteQueued();
  return r?.n ?? 0;
}
