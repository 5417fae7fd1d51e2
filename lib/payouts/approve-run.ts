import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb, type Tx } from '@/db/client';
import { payoutAdjustments, payoutRuns, tempAidPayments } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { refreshPayoutSummary } from '@/lib/reports/refresh-summary';
import { lockRun } from './generate';
import { rowsOf } from '@/lib/core/sql';
import type { approveRunSchema } from './schemas';
import { payoutMessages } from './messages';
import { approvalRefusal } from './rules';

/**
 * A supervisor of the county who neither generated the draft nor entered an adjustment in it
 * approves it, at the version they looked at, once nothing it was generated from has been
 * withdrawn or paid otherwise since. From then on the run never changes: the verbs
 * refuse, and the database triggers of migration 0007 refuse whatever the code does.
 */
export async function approveRun(user: SessionUser, input: z.output<typeof approveRunSchema>) {
  assertCan(user, 'payout.approve');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const run = await lockRun(tx, input.runId);
    assertCovers(user, run?.countyCode);
    if (!run) throw new AppError('not_found');
    if (run.state !== 'draft' || run.version !== input.version) throw new AppError('conflict');
    if (!run.generatedAt || run.lineCount === 0) throw refuse('precondition', payoutMessages.noLines);
    const sources = await sourcesOf(tx, run.id);
    const samePerson = approvalRefusal(run, sources.adjustments.map((a) => a.createdBy), user.id);
    if (samePerson) throw refuse('same_person', samePerson);
    // What the draft was generated from may have changed since: approving it would pay money
    // that is no longer owed, or owed twice. Regeneration drops those lines.
    if (sources.adjustments.some((a) => a.cancelledAt)) throw refuse('precondition', payoutMessages.cancelledAdjustment);
    const paidByHand = sources.payments.filter((p) => p.status !== 'approved').length;
    if (paidByHand > 0) throw refuse('precondition', payoutMessages.tempAidPaidByHand(paidByHand));
    // The unique indexes keep a source in one line; this says so in the user's words should a
    // line ever get past them (a restored backup, a hand-made fix).
    const heldElsewhere = await linesHeldElsewhere(tx, run.id);
    if (heldElsewhere > 0) throw refuse('precondition', payoutMessages.heldElsewhere(heldElsewhere));

    // 数据核查: the held lines are not paid either way; approving over open findings is a
    // supervisor's written decision, kept on the findings and in the audit log.
    const open = await openFlagCount(tx, run.id);
    if (open > 0 && !input.overrideReason) throw refuse('precondition', payoutMessages.openFlags(open));

    const approvedAt = new Date();
    if (open > 0) {
      await tx.execute(sql`
        UPDATE payout_line_flags SET state = 'overridden', resolved_by = ${user.id}::uuid, resolved_at = ${approvedAt.toISOString()}::timestamptz, note = ${input.overrideReason!}
        WHERE run_id = ${run.id}::uuid AND state = 'open'`);
    }
    await tx
      .update(payoutRuns)
      .set({ state: 'approved', approvedBy: user.id, approvedAt, version: sql`${payoutRuns.version} + 1` })
      .where(and(eq(payoutRuns.id, run.id), eq(payoutRuns.version, input.version)));
    // The reports read the approved money from the summary, kept current in the same transaction.
    await refreshPayoutSummary(tx, run.id);
    await recordAudit(tx, user, {
      action: 'payout.approve',
      entity: 'payout_run',
      entityId: run.id,
      regionCode: run.countyCode,
      before: { state: run.state, version: run.version },
      after: { state: 'approved', month: run.month, lineCount: run.lineCount, totalFen: run.totalFen, blockedCount: run.blockedCount },
    });
    if (open > 0) {
      await recordAudit(tx, user, {
        action: 'payout.approve_over_flags',
        entity: 'payout_run',
        entityId: run.id,
        regionCode: run.countyCode,
        after: { month: run.month, openFlags: open },
        reason: input.overrideReason!,
      });
    }
    return { state: 'approved' as const };
  });
}

/** Lines of the run whose source (an enrollment month, a re-issued line, a 补发 …) another run holds too. */
async function linesHeldElsewhere(tx: Tx, runId: string): Promise<number> {
  const [r] = rowsOf<{ n: string | number }>(
    await tx.execute(sql`
      SELECT count(*) AS n FROM payout_lines l
      WHERE l.run_id = ${runId}::uuid AND l.source_id IS NOT NULL
        AND EXISTS (SELECT 1 FROM payout_lines o WHERE o.kind = l.kind AND o.source_id = l.source_id AND o.run_id <> l.run_id
          AND (l.kind <> 'recovery' OR o.month = l.month))`),
  );
  return Number(r?.n ?? 0);
}

/**
 * The adjustments and temporary-aid payments behind the draft's lines (one pass over the run's
 * lines), locked FOR SHARE: cancelling an adjustment or paying a payment by hand locks the same
 * row FOR UPDATE, so either it happened before and is seen here, or it waits for this approval
 * and then sees the run approved and refuses.
 */
async function sourcesOf(tx: Tx, runId: string) {
  const lines = rowsOf<{ kind: string; source_id: string }>(
    await tx.execute(sql`SELECT kind, source_id FROM payout_lines WHERE run_id = ${runId}::uuid AND kind IN ('arrears', 'recovery', 'temp_aid')`),
  );
  const ids = (kinds: string[]) => JSON.stringify([...new Set(lines.filter((l) => kinds.includes(l.kind)).map((l) => l.source_id))]);
  const adjustments = await tx
    .select({ id: payoutAdjustments.id, createdBy: payoutAdjustments.createdBy, cancelledAt: payoutAdjustments.cancelledAt })
    .from(payoutAdjustments)
    .where(sql`${payoutAdjustments.id} IN (SELECT x::uuid FROM jsonb_array_elements_text(${ids(['arrears', 'recovery'])}::jsonb) x)`)
    .for('share');
  const payments = await tx
    .select({ id: tempAidPayments.id, status: tempAidPayments.status })
    .from(tempAidPayments)
    .where(sql`${tempAidPayments.id} IN (SELECT x::uuid FROM jsonb_array_elements_text(${ids(['temp_aid'])}::jsonb) x)`)
    .for('share');
  return { adjustments, payments };
}

/** The run's 数据核查 findings nobody has looked at yet. Read under the run's row lock: a resolution takes the same lock. */
export async function openFlagCount(tx: Tx, runId: string): Promise<number> {
  const [r] = rowsOf<{ n: string | number }>(await tx.execute(sql`SELECT count(*) AS n FROM payout_line_flags WHERE run_id = ${runId}::uuid AND state = 'open'`));
  return Number(r?.n ?? 0);
}
