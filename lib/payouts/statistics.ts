import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { rowsOf } from '@/lib/core/sql';

/**
 * Refreshes the planner's statistics of payout_lines after a generation that wrote a large share
 * of it, as autovacuum's analyze would (threshold: 10 % of the table, as its default scale
 * factor), without waiting for it, or for a server where it is off. Without them a table
 * just filled is planned as nearly empty: the run page then sorts a whole 100,000-line run to
 * show 50 lines (about 1 s instead of a few ms). Runs after the generation's commit, so it
 * never holds the run's lock; a month's run of one county among a full year's lines is far
 * below the threshold and costs nothing here.
 */
export async function analyzeLinesIfStale(db: Db, written: number): Promise<boolean> {
  if (written < 1_000) return false;
  const [t] = rowsOf<{ n: number | string }>(await db.execute(sql`SELECT reltuples AS n FROM pg_class WHERE oid = 'payout_lines'::regclass`));
  const known = Math.max(0, Number(t?.n ?? 0)); // -1: never analyzed
  if (written < 0.1 * known) return false;
  await db.execute(sql`SELECT doudi_analyze_payout_lines()`); // as the table's owner (migration 0018)
  return true;
}
