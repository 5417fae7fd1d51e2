import type { Sql } from './db';

/**
 * Removes a county's payout run for a month, whatever its state, so a spec (or its retry) can
 * generate it again. Approved runs are append-only in the application; this bypasses those
 * triggers for the test database only (session_replication_role = replica, as the superuser
 * the e2e database belongs to), deleting children before parents since foreign keys are
 * triggers too.
 */
export async function forgetPayoutRun(sql: Sql, countyCode: string, month: string): Promise<void> {
  await sql.begin(async (tx) => {
    await tx`set local session_replication_role = replica`;
    const runs = (await tx<{ id: string }[]>`select id from payout_runs where county_code = ${countyCode} and month = ${month}`).map((r) => r.id);
    if (runs.length === 0) return void (await tx`delete from payout_jobs where county_code = ${countyCode} and month = ${month}`);
    await tx`delete from payout_summary where run_id in ${tx(runs)}`;
    await tx`delete from payout_movements where run_id in ${tx(runs)}`;
    await tx`delete from bank_returns where run_id in ${tx(runs)}`;
    await tx`delete from payout_account_confirmations where line_id in (select id from payout_lines where run_id in ${tx(runs)})`;
    await tx`delete from payout_lines where run_id in ${tx(runs)}`;
    await tx`delete from payout_runs where id in ${tx(runs)}`;
    await tx`delete from payout_jobs where county_code = ${countyCode} and month = ${month}`;
  });
}
