import 'server-only';
import { getDb } from '@/db/client';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { assertRunVisible } from './access';
import { assertDraft, findRun, generateLocked, lockRun, type GenerationResult } from './generate';
import { holdJob, openProgress } from './progress';
import { analyzeLinesIfStale } from './statistics';

/** Regenerates a draft: lines already right stay untouched, changed ones are updated, none is duplicated. */
export async function regenerateRun(user: SessionUser, input: { runId: string }): Promise<GenerationResult> {
  assertCan(user, 'payout.prepare');
  const db = await getDb();
  const peek = await findRun(db, input.runId);
  assertRunVisible(user, peek?.countyCode);
  const progress = await openProgress(peek!.countyCode, peek!.month, user.id);
  try {
    const result = await db.transaction(async (tx) => {
      await holdJob(tx, peek!.countyCode, peek!.month);
      const run = await lockRun(tx, input.runId);
      if (!run) throw new AppError('not_found');
      assertDraft(run);
      return generateLocked(tx, run, user, progress, false);
    });
    await analyzeLinesIfStale(db, result.inserted + result.updated);
    await progress.finish();
    return result;
  } catch (e) {
    await progress.finish(e instanceof AppError ? e.code : 'failed').catch(() => {});
    throw e;
  }
}
