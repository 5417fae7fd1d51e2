import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { rowsOf } from '@/lib/core/sql';
import { runScope } from '@/lib/payouts/access';
import { VIEW_ROWS } from './same-hands';

export interface ApprovedOverFlagsRow {
  runId: string;
  countyName: string;
  month: string;
  approvedByName: string | null;
  approvedAt: Date;
  flags: number;
  reason: string | null;
}

/**
 * 带未解决标记批准的发放: runs a supervisor approved while 数据核查 findings were open (their
 * flags are overridden, with the written reason), newest first, in the user's region.
 */
export async function listApprovedOverFlags(user: SessionUser): Promise<{ rows: ApprovedOverFlagsRow[]; total: number }> {
  assertCan(user, 'audit.read');
  const db = await getDb();
  const found = rowsOf<{ run_id: string; county_name: string; month: string; approved_by_name: string | null; approved_at: Date | string; flags: string; reason: string | null; total: string }>(
    await db.execute(sql`
      SELECT payout_runs.id AS run_id, rg.name AS county_name, payout_runs.month, u.name AS approved_by_name, payout_runs.approved_at,
        f.flags, f.reason, count(*) OVER () AS total
      FROM (SELECT run_id, count(*) AS flags, min(note) AS reason FROM payout_line_flags WHERE state = 'overridden' GROUP BY run_id) f
      JOIN payout_runs ON payout_runs.id = f.run_id
      JOIN regions rg ON rg.code = payout_runs.county_code
      LEFT JOIN users u ON u.id = payout_runs.approved_by
      WHERE ${runScope(user)}
      ORDER BY payout_runs.approved_at DESC
      LIMIT ${VIEW_ROWS}`),
  );
  return {
    total: Number(found[0]?.total ?? 0),
    rows: found.map((r) => ({ runId: r.run_id, countyName: r.county_name, month: r.month, approvedByName: r.approved_by_name, approvedAt: new Date(r.approved_at), flags: Number(r.flags), reason: r.reason })),
  };
}
