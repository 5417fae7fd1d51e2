import 'server-only';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { rowsOf } from '@/lib/core/sql';
import { lockRun } from './generate';
import { applyHolds } from './generation/sweep';
import { writeTotals } from './generation/totals';
import { payoutMessages } from './messages';
import type { resolveFlagSchema } from './schemas';

/**
 * A caseworker or supervisor of the line's area looks at a 数据核查 finding: 核实无误 (resolved;
 * the line is released once none of its findings is open or held) or 暂缓发放 (held; the line stays
 * blocked, is not paid by this run, and a later run re-issues it). The run's row is locked first,
 * as approval locks it: a resolution and an approval never overlap, so an approval sees every
 * finding either open or resolved, and a resolution never changes a run that was just approved.
 */
export async function resolveFlag(user: SessionUser, input: z.output<typeof resolveFlagSchema>) {
  assertCan(user, 'payout.prepare');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [peek] = rowsOf<{ run_id: string; village_code: string }>(
      await tx.execute(sql`SELECT f.run_id, l.village_code FROM payout_line_flags f JOIN payout_lines l ON l.id = f.line_id WHERE f.id = ${input.flagId}`),
    );
    assertCovers(user, peek?.village_code);
    if (!peek) throw new AppError('not_found');
    const run = await lockRun(tx, peek.run_id);
    if (!run) throw new AppError('not_found');
    if (run.state !== 'draft') throw refuse('precondition', payoutMessages.flagRunApproved);
    const [flag] = rowsOf<{ id: string; line_id: string; kind: string; detail: string; state: string }>(
      await tx.execute(sql`SELECT id, line_id, kind, detail, state FROM payout_line_flags WHERE id = ${input.flagId} FOR UPDATE`),
    );
    if (!flag || flag.state !== 'open') throw refuse('precondition', payoutMessages.flagNotOpen);
    await tx.execute(sql`
      UPDATE payout_line_flags SET state = ${input.outcome}, resolved_by = ${user.id}::uuid, resolved_at = now(), note = ${input.note}
      WHERE id = ${input.flagId}`);
    const changed = await applyHolds(tx, run.id);
    // A released line pays: the run's totals and its version move, so an approval form opened
    // before this refuses as stale rather than approve figures nobody saw.
    if (changed > 0) await writeTotals(tx, run.id, run.countyCode, run.month, run.preparedBy);
    else await tx.execute(sql`UPDATE payout_runs SET version = version + 1 WHERE id = ${run.id}::uuid`);
    await recordAudit(tx, user, {
      action: 'payout.resolve_flag',
      entity: 'payout_line',
      entityId: String(flag.line_id),
      regionCode: peek.village_code,
      before: { state: 'open', kind: flag.kind, detail: flag.detail },
      after: { state: input.outcome, runId: run.id, month: run.month, lineReleased: input.outcome === 'resolved' && changed > 0 },
      reason: input.note,
    });
    return { flagId: Number(flag.id), state: input.outcome };
  });
}
