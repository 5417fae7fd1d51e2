import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { rowsOf } from '@/lib/core/sql';
import { lineScope } from '@/lib/payouts/queries';
import { VIEW_ROWS } from './same-hands';

export interface DeceasedPaidRow {
  lineId: number;
  runId: string;
  runMonth: string;
  householdId: string;
  headName: string;
  memberName: string;
  diedOn: string;
  program: string;
  amountFen: number;
  status: string;
}

/**
 * 已故成员仍在发放: monthly lines (kind enrollment) of approved, exported or reconciled runs for a
 * month after the one a covered member died in: the line is the member's own (特困, a subsidy), or
 * the household's enrollment still counts them (enrollment_members.active; a death recorded
 * through the registry ends that coverage, so what shows here is a death the roll never heard
 * of). A death within the run's month is paid for that month and does not show. Starts from the
 * deceased (members_deceased_idx, migration 0026) and probes their household's lines on
 * (household_id, month). `enrollment_members.active` is today's: an old run whose coverage ended
 * since no longer shows.
 */
export async function listDeceasedPaid(user: SessionUser): Promise<{ rows: DeceasedPaidRow[]; total: number }> {
  assertCan(user, 'audit.read');
  const db = await getDb();
  const found = rowsOf<{ line_id: string; run_id: string; month: string; household_id: string; head_name: string; member_name: string; died_on: string; program: string; amount_fen: string; status: string; total: string }>(
    await db.execute(sql`
      SELECT payout_lines.id AS line_id, payout_lines.run_id, payout_lines.month, payout_lines.household_id, hh.head_name,
        m.name AS member_name, to_char(m.left_on, 'YYYY-MM-DD') AS died_on, payout_lines.program, payout_lines.amount_fen, payout_lines.status,
        count(*) OVER () AS total
      FROM members m
      JOIN payout_lines ON payout_lines.household_id = m.household_id AND payout_lines.month > to_char(m.left_on, 'YYYY-MM') AND payout_lines.kind = 'enrollment'
      JOIN payout_runs r ON r.id = payout_lines.run_id AND r.state <> 'draft'
      JOIN households hh ON hh.id = payout_lines.household_id
      WHERE m.status = 'deceased' AND m.left_on IS NOT NULL
        AND (payout_lines.member_id = m.id OR EXISTS (
          SELECT 1 FROM enrollment_members em WHERE em.enrollment_id = payout_lines.enrollment_id AND em.member_id = m.id AND em.active))
        AND ${lineScope(user)}
      ORDER BY m.left_on DESC, payout_lines.month, payout_lines.id
      LIMIT ${VIEW_ROWS}`),
  );
  return {
    total: Number(found[0]?.total ?? 0),
    rows: found.map((r) => ({ lineId: Number(r.line_id), runId: r.run_id, runMonth: r.month, householdId: r.household_id, headName: r.head_name, memberName: r.member_name, diedOn: r.died_on, program: r.program, amountFen: Number(r.amount_fen), status: r.status })),
  };
}
