import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { payoutRuns, regions } from '@/db/schema';
import { todayInChina } from '@/lib/core/time';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { assertRunVisible } from './access';
import { assertDraft, generateLocked, type GenerationResult } from './generate';
import { holdJob, openProgress } from './progress';
import { analyzeLinesIfStale } from './statistics';
import { monthAllowed } from './rules';
import type { startRunSchema } from './schemas';
import { payoutMessages } from './messages';

/**
 * Starts (or, when it exists, regenerates) the draft run of a county and month. Two starts at
 * once make one run: the unique (county, month) index decides which INSERT creates it, the other
 * waits for it and then finds it, and the row lock serializes the two generations.
 */
export async function startRun(user: SessionUser, input: z.output<typeof startRunSchema>, now: Date = new Date()): Promise<GenerationResult & { created: boolean }> {
  assertCan(user, 'payout.prepare');
  assertRunVisible(user, input.countyCode);
  if (!monthAllowed(input.month, todayInChina(now))) throw refuse('invalid_input', payoutMessages.monthOutOfRange, 'month');
  const db = await getDb();
  const [county] = await db.select({ code: regions.code }).from(regions).where(and(eq(regions.code, input.countyCode), eq(regions.level, 'county')));
  if (!county) throw refuse('invalid_input', payoutMessages.chooseCounty, 'countyCode');

  const progress = await openProgress(input.countyCode, input.month, user.id);
  try {
    const result = await db.transaction(async (tx) => {
      await holdJob(tx, input.countyCode, input.month);
      const made = await tx
        .insert(payoutRuns)
        .values({ countyCode: input.countyCode, month: input.month, preparedBy: user.id })
        .onConflictDoNothing({ target: [payoutRuns.countyCode, payoutRuns.month] })
        .returning({ id: payoutRuns.id });
      const [run] = await tx
        .select()
        .from(payoutRuns)
        .where(and(eq(payoutRuns.countyCode, input.countyCode), eq(payoutRuns.month, input.month)))
        .for('update');
      if (!run) throw new AppError('conflict');
      assertDraft(run);
      return { ...(await generateLocked(tx, run, user, progress, made.length > 0)), created: made.length > 0 };
    });
    await analyzeLinesIfStale(db, result.inserted + result.updated);
    await progress.finish();
    return result;
  } catch (e) {
    await progress.finish(e instanceof AppError ? e.code : 'failed').catch(() => {});
    throw e;
  }
}
