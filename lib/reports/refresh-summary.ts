import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';

/**
 * Brings the report summaries of one payout run up to date: its payout_summary rows and its
 * movements against last month (and next month's movements, should that run exist already).
 * Set-based, inside the caller's transaction, so the summary commits with the change it
 * describes. The payout verbs call it when a run is approved and after each bank return file
 * is imported; on a draft it only clears (reports count approved money only).
 *
 * The work is the SQL function doudi_refresh_payout_summary() of migration reports, so that
 * set-up scripts and tests that write runs with SQL refresh the same way.
 */
export async function refreshPayoutSummary(tx: Tx | Db, runId: string): Promise<void> {
  await tx.execute(sql`select doudi_refresh_payout_summary(${runId}::uuid)`);
}
