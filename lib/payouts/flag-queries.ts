import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { rowsOf } from '@/lib/core/sql';
import { lineScope } from './queries';

export interface FlagRow {
  id: number;
  lineId: number;
  householdId: string;
  headName: string | null;
  kind: string;
  detail: string;
  state: string;
  note: string | null;
  resolvedByName: string | null;
  resolvedAt: Date | null;
}

const FLAG_ROWS = 200;

/**
 * The 数据核查 findings of a run in the user's area (open ones first), and how many are open in
 * the whole run: approval needs that count, whatever area the approver's list shows.
 */
export async function listRunFlags(user: SessionUser, runId: string): Promise<{ rows: FlagRow[]; openInRun: number }> {
  assertCan(user, 'payout.read');
  if (!/^[0-9a-f-]{36}$/i.test(runId)) return { rows: [], openInRun: 0 };
  const db = await getDb();
  const found = rowsOf<{ id: string; line_id: string; household_id: string; head_name: string | null; kind: string; detail: string; state: string; note: string | null; resolved_by_name: string | null; resolved_at: Date | string | null }>(
    await db.execute(sql`
      SELECT f.id, f.line_id, payout_lines.household_id, h.head_name, f.kind, f.detail, f.state, f.note, u.name AS resolved_by_name, f.resolved_at
      FROM payout_line_flags f
      JOIN payout_lines ON payout_lines.id = f.line_id
      JOIN households h ON h.id = payout_lines.household_id
      LEFT JOIN users u ON u.id = f.resolved_by
      WHERE f.run_id = ${runId}::uuid AND ${lineScope(user)}
      ORDER BY (f.state = 'open') DESC, f.line_id, f.kind
      LIMIT ${FLAG_ROWS}`),
  );
  const [open] = rowsOf<{ n: string | number }>(await db.execute(sql`SELECT count(*) AS n FROM payout_line_flags WHERE run_id = ${runId}::uuid AND state = 'open'`));
  return {
    openInRun: Number(open?.n ?? 0),
    rows: found.map((r) => ({ id: Number(r.id), lineId: Number(r.line_id), householdId: r.household_id, headName: r.head_name, kind: r.kind, detail: r.detail, state: r.state, note: r.note, resolvedByName: r.resolved_by_name, resolvedAt: r.resolved_at ? new Date(r.resolved_at) : null })),
  };
}
