import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDatabase, type Tx } from '@/db/client';
import { rowsOf } from '@/lib/core/sql';
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

/**
 * A generation's own advisory lock (one bigint key per county and month), held by its
 * transaction from its first statement to its end. A progress row that says "running" while
 * nobody holds or waits for this lock belongs to a generation that died (a crash, a killed
 * connection, a server stopped): its transaction rolled back, so nothing it did remains.
 */
const jobKey = (countyCode: string, month: string) => sql`(7302::bigint * 1000000000000 + ${Number(countyCode)}::bigint * 1000000 + ${Number(month.replace('-', ''))})`;

export async function holdJob(tx: Tx, countyCode: string, month: string): Promise<void> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${jobKey(countyCode, month)})`);
}

/** How long a progress row may wait for its transaction to take the job lock before it counts as dead. */
const START_GRACE_MS = 15_000;

export type JobStatus = 'running' | 'interrupted' | 'finished' | 'failed';

/** Generations of the user's counties that are still marked running: each with its status (running or interrupted). */
export async function unfinishedJobs(countyPrefix: string, now: Date = new Date()) {
  const { db } = await getDatabase();
  const rows = await db
    .select({ countyCode: payoutJobs.countyCode, month: payoutJobs.month })
    .from(payoutJobs)
    .where(and(sql`${payoutJobs.finishedAt} IS NULL`, sql`${payoutJobs.countyCode} LIKE ${`${countyPrefix}%`}`));
  const out = [];
  for (const r of rows) {
    const job = await readProgress(r.countyCode, r.month, now);
    if (job) out.push(job);
  }
  return out;
}

export async function readProgress(countyCode: string, month: string, now: Date = new Date()) {
  const { db } = await getDatabase();
  const [job] = await db.select().from(payoutJobs).where(and(eq(payoutJobs.countyCode, countyCode), eq(payoutJobs.month, month)));
  if (!job) return null;
  let status: JobStatus = job.finishedAt ? (job.error ? 'failed' : 'finished') : 'running';
  if (status === 'running' && now.getTime() - job.updatedAt.getTime() > START_GRACE_MS) {
    const [held] = rowsOf<{ held: boolean }>(
      await db.execute(sql`
        SELECT EXISTS (
          SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND objsubid = 1
            AND ((classid::bigint << 32) | objid::bigint) = ${jobKey(countyCode, month)}
        ) AS held`),
    );
    if (!held?.held) status = 'interrupted';
  }
  return { ...job, status };
}
