import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { bankReturns, payoutRuns, regions } from '@/db/schema';
import { enqueuePaymentMessages } from '@/lib/messages/enqueue';
import { todayInChina } from '@/lib/core/time';
import { recordAudit } from '@/lib/audit/record';
import { refreshPayoutSummary } from '@/lib/reports/refresh-summary';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { settleRunPayments } from '@/lib/temp-aid/bank-run';
import { rowsOf } from '@/lib/core/sql';
import { lockRun } from './generate';
import { recoveriesOf } from './queries';
import { reconcileRefusal } from './rules';
import { parseReturnFile, validateReturn, type ExpectedLine, type ReturnError } from './return-file';

export type ImportOutcome =
  | { ok: true; paidCount: number; failedCount: number; paidFen: number; failedFen: number; outstanding: number; payableFen: number; reconciled: boolean }
  | { ok: false; message: string; errors: ReturnError[]; totalErrors: number };

/**
 * Imports the bank's return file for an exported run, by finance staff who neither made nor
 * approved it (reconcileRefusal): checked whole first (any unknown line,
 * wrong account or amount, duplicate, or line already answered refuses the whole file with a
 * per-line report); then, in one transaction, each line is marked paid or failed with the bank's
 * reason (a 扣回 follows the line it reduces), the file is kept, and the run is reconciled when
 * every bank row has its answer. A temporary-aid payment on a line paid becomes paid by that line
 * (lib/temp-aid/bank-run.ts). Failed lines are re-issued by a later run once the account is
 * changed or confirmed; a temporary-aid payment on one stays approved until a line of it is paid.
 */
export async function importReturn(user: SessionUser, runId: string, file: { name: string; text: string }, now: Date = new Date()): Promise<ImportOutcome> {
  assertCan(user, 'payout.reconcile');
  const parsed = parseReturnFile(file.text);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const run = await lockRun(tx, runId);
    assertCovers(user, run?.countyCode);
    if (!run) throw new AppError('not_found');
    const samePerson = reconcileRefusal(run, user.id);
    if (samePerson) throw refuse('same_person', samePerson);
    if (run.state === 'draft' || run.state === 'approved') return { ok: false, message: '请先导出银行文件，再导入银行回盘', errors: [], totalErrors: 0 };
    if (run.state === 'reconciled') return { ok: false, message: '本批次已全部对账，无需再导入', errors: [], totalErrors: 0 };
    if (!parsed.ok) return { ok: false, message: parsed.message, errors: [], totalErrors: 0 };

    const ids = JSON.stringify([...new Set(parsed.rows.map((r) => r.lineId).filter((x) => /^\d{1,15}$/.test(x)))]);
    const found = rowsOf<{ id: string; account: string | null; amount_fen: string; status: string; blocked: boolean; kind: string; enrollment_id: string | null }>(
      await tx.execute(sql`
        SELECT id, bank_account AS account, amount_fen, status, blocked, kind, enrollment_id FROM payout_lines
        WHERE run_id = ${run.id}::uuid AND id IN (SELECT x::bigint FROM jsonb_array_elements_text(${ids}::jsonb) x)`),
    );
    const recoveries = await recoveriesOf(tx, run.id);
    const lines = new Map<number, ExpectedLine>(
      found.map((l) => [
        Number(l.id),
        { id: Number(l.id), account: l.account, status: l.status, blocked: l.blocked, kind: l.kind, payableFen: Number(l.amount_fen) + (l.kind === 'enrollment' && l.enrollment_id ? (recoveries.get(l.enrollment_id) ?? 0) : 0) },
      ]),
    );
    const checked = validateReturn(parsed, lines);
    if (!checked.ok) {
      return { ok: false, message: `回盘文件有 ${checked.errors.length} 处与本批次不符，整个文件未导入；请核对后重新导入`, errors: checked.errors.slice(0, 1000), totalErrors: checked.errors.length };
    }

    const results = JSON.stringify(checked.rows.map((r) => ({ id: r.lineId, status: r.status, reason: r.reason })));
    // The lines just paid that may carry a temporary-aid payment come back from the same statement
    // (only their ids: a run may have a million lines); their working is then read for those few.
    const paidAidIds = rowsOf<{ id: string }>(
      await tx.execute(sql`
        WITH updated AS (
          UPDATE payout_lines l SET status = v.status, failure_reason = v.reason, updated_at = now()
          FROM jsonb_to_recordset(${results}::jsonb) AS v(id bigint, status text, reason text)
          WHERE l.id = v.id AND l.run_id = ${run.id}::uuid AND l.status = 'pending'
          RETURNING l.id, (l.status = 'paid' AND (l.kind = 'temp_aid' OR (l.kind = 'reissue' AND l.components->>'originalKind' IN ('temp_aid', 'reissue')))) AS aid
        )
        SELECT id FROM updated WHERE aid`),
    );
    const paidAid = paidAidIds.length
      ? rowsOf<{ id: string; kind: string; source_id: string | null; components: unknown }>(
          await tx.execute(sql`SELECT id, kind, source_id, components FROM payout_lines WHERE id = ANY(${`{${paidAidIds.map((r) => Number(r.id)).join(',')}}`}::bigint[])`),
        )
      : [];
    await tx.execute(sql`
      UPDATE payout_lines r SET status = l.status, failure_reason = l.failure_reason, updated_at = now()
      FROM payout_lines l
      WHERE r.run_id = ${run.id}::uuid AND r.kind = 'recovery' AND l.run_id = r.run_id AND l.kind = 'enrollment'
        AND l.enrollment_id = r.enrollment_id AND r.status = 'pending' AND l.status <> 'pending'`);
    // Temporary aid the bank has now paid is paid: never again from the township fund.
    const aid = await settleRunPayments(tx, user, run, paidAid.map((l) => ({ id: Number(l.id), kind: l.kind, sourceId: l.source_id, components: l.components })), todayInChina(now));
    const paid = checked.rows.filter((r) => r.status === 'paid');
    const failed = checked.rows.filter((r) => r.status === 'failed');
    const sum = (rs: typeof paid) => rs.reduce((s, r) => s + r.fen, 0);
    await tx.insert(bankReturns).values({ runId: run.id, fileName: file.name.slice(0, 200), paidCount: paid.length, failedCount: failed.length, paidFen: sum(paid), failedFen: sum(failed), content: file.text, importedBy: user.id });
    const [left] = rowsOf<{ n: number }>(
      await tx.execute(sql`SELECT count(*)::int AS n FROM payout_lines WHERE run_id = ${run.id}::uuid AND status = 'pending' AND NOT blocked AND kind <> 'recovery'`),
    );
    const outstanding = Number(left?.n ?? 0);
    if (outstanding === 0) {
      await tx.update(payoutRuns).set({ state: 'reconciled', reconciledAt: new Date(), version: sql`${payoutRuns.version} + 1` }).where(eq(payoutRuns.id, run.id));
    }
    const payableFen = Number((run.summary as { payableFen?: number } | null)?.payableFen ?? 0);
    await refreshPayoutSummary(tx, run.id); // paid / failed figures in the reports
    // 发放 text messages for what the bank has paid (once per line, however often the file comes).
    const [county] = await tx.select({ name: regions.name }).from(regions).where(eq(regions.code, run.countyCode));
    await enqueuePaymentMessages(tx, run, county?.name ?? run.countyCode);
    const outcome = { ok: true as const, paidCount: paid.length, failedCount: failed.length, paidFen: sum(paid), failedFen: sum(failed), outstanding, payableFen, reconciled: outstanding === 0 };
    await recordAudit(tx, user, { action: 'payout.reconcile', entity: 'payout_run', entityId: run.id, regionCode: run.countyCode, before: { state: run.state }, after: { fileName: file.name, ...outcome, tempAidPaid: aid.settled, ...(aid.notApproved.length ? { tempAidNotApproved: aid.notApproved } : {}) } });
    return outcome;
  });
}
