import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { payoutRuns } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import type { SessionUser } from '@/lib/auth/types';
import { refuse } from '@/lib/core/errors';
import { addMonthsToMonth } from '@/lib/core/calendar-date';
import { upsertEnrollmentLines } from './generation/enrollment-lines';
import { upsertOtherLines } from './generation/other-lines';
import { sweepRun } from './generation/sweep';
import { writeTotals } from './generation/totals';
import { policyInt } from '@/lib/policy/values';
import { todayInChina } from '@/lib/core/time';
import type { Progress } from './progress';
import { payoutMessages } from './messages';

export type PayoutRun = typeof payoutRuns.$inferSelect;

/** The advisory-lock class of payout generation (the second key is the county code). */
const GENERATION_LOCK = 7301;

/** The run row, locked for the rest of the transaction: generations, approval and imports queue here. */
export async function lockRun(tx: Tx, runId: string): Promise<PayoutRun | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(runId)) return undefined;
  const [run] = await tx.select().from(payoutRuns).where(eq(payoutRuns.id, runId)).for('update');
  return run;
}

/** The run row without a lock, or undefined for a malformed or unknown id. */
export async function findRun(db: Db | Tx, runId: string): Promise<PayoutRun | undefined> {
  if (!/^[0-9a-f-]{36}$/i.test(runId)) return undefined;
  const [run] = await db.select().from(payoutRuns).where(eq(payoutRuns.id, runId));
  return run;
}

export function assertDraft(run: PayoutRun): void {
  if (run.state !== 'draft') throw refuse('precondition', payoutMessages.runApproved(run.month));
}

export interface GenerationResult {
  runId: string;
  month: string;
  countyCode: string;
  inserted: number;
  updated: number;
  removed: number;
  lineCount: number;
  totalFen: number;
}

/** Whether last month's run was generated again since this one was: its lines feed this summary's movement. */
async function previousRunMoved(tx: Tx, run: PayoutRun): Promise<boolean> {
  const [prev] = await tx
    .select({ generatedAt: payoutRuns.generatedAt })
    .from(payoutRuns)
    .where(and(eq(payoutRuns.countyCode, run.countyCode), eq(payoutRuns.month, addMonthsToMonth(run.month, -1))));
  return !!prev?.generatedAt && !!run.generatedAt && prev.generatedAt >= run.generatedAt;
}

/** The generator and the authors of the adjustments now in the draft join its makers (never leave them). */
async function recordMakers(tx: Tx, runId: string, userId: string): Promise<void> {
  await tx.execute(sql`
    UPDATE payout_runs r SET maker_ids = ARRAY(
      SELECT DISTINCT x FROM unnest(r.maker_ids || ${userId}::uuid || ARRAY(
        -- Adjustments are few; each is probed in the lines' (kind, source_id, month) index.
        SELECT a.created_by FROM payout_adjustments a WHERE EXISTS (
          SELECT 1 FROM payout_lines l WHERE l.kind = a.kind AND l.source_id = a.id::text AND l.run_id = r.id))) x ORDER BY x)
    WHERE r.id = ${runId}::uuid`);
}

/**
 * Brings a locked draft to what its month owes, inside the caller's transaction: all of it or,
 * on any failure (a crash, a killed connection), none of it. The caller holds the run's row lock.
 */
export async function generateLocked(tx: Tx, run: PayoutRun, user: SessionUser, progress: Progress, created: boolean): Promise<GenerationResult> {
  // The desired set of a large county is materialized once and probed twice: keep it in memory.
  // JIT compiling these statements costs seconds per county and saves less than it costs.
  await tx.execute(sql`set local work_mem = '128MB'`);
  await tx.execute(sql`set local jit = off`);
  // One generation of a county at a time, whatever the run and whichever app server: what a run
  // may take (a re-issue of a failed line, say) depends on what the county's other drafts hold,
  // and a statement cannot see another transaction's uncommitted lines. Waiting here, each sees
  // the last one's lines committed. (Lock order: the run row, then the county; nothing takes
  // them the other way round.)
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${GENERATION_LOCK}, ${Number(run.countyCode)})`);
  await progress.step(2);
  const enrollment = await upsertEnrollmentLines(tx, run.id, run.countyCode, run.month, created);
  await progress.step(3);
  const other = await upsertOtherLines(tx, run.id, run.countyCode, run.month, created);
  await progress.step(4);
  // 数据核查 over the lines as they now are: findings held until someone looks at them.
  // The sweep checks the data as it is now, by the rule in force now (a late run of a past month too).
  const threshold = await policyInt(tx, 'payout', 'sweep_shared_phone_households', run.countyCode, todayInChina());
  const sweep = await sweepRun(tx, run, threshold);
  const changed = enrollment.inserted + enrollment.updated + enrollment.removed + other.inserted + other.updated + other.removed + sweep.linesChanged > 0;
  if (changed || created || !run.generatedAt || (await previousRunMoved(tx, run))) {
    await writeTotals(tx, run.id, run.countyCode, run.month, user.id);
  } else {
    // Nothing moved: the totals and the summary stand. The run records who generated it last.
    await tx.update(payoutRuns).set({ generatedAt: new Date(), preparedBy: user.id, version: sql`${payoutRuns.version} + 1` }).where(eq(payoutRuns.id, run.id));
  }
  await recordMakers(tx, run.id, user.id);
  const [after] = await tx.select().from(payoutRuns).where(eq(payoutRuns.id, run.id));
  const result: GenerationResult = {
    runId: run.id,
    month: run.month,
    countyCode: run.countyCode,
    inserted: enrollment.inserted + other.inserted,
    updated: enrollment.updated + other.updated,
    removed: enrollment.removed + other.removed,
    lineCount: after!.lineCount,
    totalFen: after!.totalFen,
  };
  await recordAudit(tx, user, {
    action: created ? 'payout.start' : 'payout.regenerate',
    entity: 'payout_run',
    entityId: run.id,
    regionCode: run.countyCode,
    before: created ? null : { lineCount: run.lineCount, totalFen: run.totalFen, blockedCount: run.blockedCount },
    after: { ...result, blockedCount: after!.blockedCount, enrollmentLines: enrollment, otherLines: other, sweep },
  });
  return result;
}
