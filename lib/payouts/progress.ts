import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDatabase } from '@/db/client';
import { payoutJobs } from '@/db/schema';

export const GENERATION_STEPS = ['锁定批次', '生成在册对象发放明细', '补发、扣回、重发和价格补贴', '汇总并对比上月'] as const;

export interface Progress {
  step(n: number): Promise<void>;
  finish(error?: string): Promise<void>;
}

/**
 * The generation's progress row, written on its own connection outside the generating
 * transaction (autocommit), so the page polling it sees each step as it starts, from any app
 * server. Embedded PGlite has a single connection, which the transaction holds: there only the
 * start and the end are written.
 */
export async function openProgress(countyCode: string, month: string, userId: string): Promise<Progress> {
  const { db, kind } = await getDatabase();
  const steps = GENERATION_STEPS.length;
  await db
    .insert(payoutJobs)
    .values({ countyCode, month, step: 1, steps, label: GENERATION_STEPS[0], startedBy: userId })
    .onConflictDoUpdate({
      target: [payoutJobs.countyCode, payoutJobs.month],
      set: { step: 1, steps, label: GENERATION_STEPS[0], startedBy: userId, startedAt: sql`now()`, updatedAt: sql`now()`, finishedAt: null, error: null },
    });
  const key = and(eq(payoutJobs.countyCode, countyCode), eq(payoutJobs.month, month));
  return {
    async step(n) {
      if (kind === 'pglite') return;
      await db.update(payoutJobs).set({ step: n, label: GENERATION_STEPS[n - 1] ?? '', updatedAt: sql`now()` }).where(key);
    },
    async finish(error) {
      await db.update(payoutJobs).set({ step: steps, finishedAt: sql`now()`, updatedAt: sql`now()`, error: error ?? null }).where(key);
    },
  };
}

export async function readProgress(countyCode: string, month: string) {
  const { db } = await getDatabase();
  const [job] = await db.select().from(payoutJobs).where(and(eq(payoutJobs.countyCode, countyCode), eq(payoutJobs.month, month)));
  return job ?? null;
}
