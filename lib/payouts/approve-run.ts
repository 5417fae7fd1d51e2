import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { payoutAdjustments, payoutLines, payoutRuns } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/errors';
import { refreshPayoutSummary } from '@/lib/reports/refresh-summary';
import { lockRun } from './generate';
import type { approveRunSchema } from './schemas';

/**
 * A supervisor of the county who neither generated the draft nor entered an adjustment in it
 * approves it, at the version they looked at. From then on the run never changes: the verbs
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
    if (!run.generatedAt || run.lineCount === 0) throw new AppError('invalid_input', { _form: '批次没有发放明细，不能审批' });
    if (run.preparedBy === user.id) throw new AppError('invalid_input', { _form: '生成发放批次的人不能审批同一批次' });
    const [own] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(payoutLines)
      .innerJoin(payoutAdjustments, sql`${payoutAdjustments.id}::text = ${payoutLines.sourceId}`)
      .where(and(eq(payoutLines.runId, run.id), inArray(payoutLines.kind, ['arrears', 'recovery']), eq(payoutAdjustments.createdBy, user.id)));
    if ((own?.n ?? 0) > 0) throw new AppError('invalid_input', { _form: '批次中有您本人录入的补发或扣回，须由其他审核审批人审批' });

    const approvedAt = new Date();
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
    return { state: 'approved' as const };
  });
}
