// A generation that dies midway (a crash, a lost connection, a server stopped) rolls back; its
// progress row must not say "running" for good. A later read sees that nobody holds the job's
// lock any more and calls it interrupted, and the payouts page offers to start again.
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { drizzle } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import * as schema from '@/db/schema';
import { holdJob, openProgress, readProgress } from '@/lib/payouts/progress';
import { listInterruptedGenerations } from '@/lib/payouts/queries';
import { startRun } from '@/lib/payouts/start-run';
import { appDb, signedIn } from './support/app';
import { testDatabaseUrl } from './support/db';
import { countyStaff, rows } from './support/payouts';

const COUNTY = '141123'; // 兴县: no other test file generates runs here
const later = (seconds: number) => new Date(Date.now() + seconds * 1000);

// The "other app server" whose connection gets killed: a pool of its own.
const client = postgres(testDatabaseUrl(), { max: 1, onnotice: () => {} });
const second = drizzle(client, { schema });
afterAll(async () => client.end({ timeout: 0 }));

describe('a generation killed midway', () => {
  it('is running while its transaction lives, interrupted once its connection is killed, finished after a new start', async () => {
    const db = await appDb();
    const staff = await countyStaff(COUNTY);
    const progress = await openProgress(COUNTY, '2016-03', staff.caseworker.id);
    await progress.step(2);

    // The generating transaction: it holds the job's lock until it ends, however it ends.
    let pid = 0;
    let entered: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    const dying = second.transaction(async (tx) => {
      await holdJob(tx, COUNTY, '2016-03');
      pid = rows<{ pid: number }>(await tx.execute(sql`select pg_backend_pid() as pid`))[0]!.pid;
      entered();
      await tx.execute(sql`select pg_sleep(30)`);
    });
    await inside;
    expect((await readProgress(COUNTY, '2016-03'))?.status).toBe('running');
    expect((await readProgress(COUNTY, '2016-03', later(60)))?.status).toBe('running'); // slow, but alive

    await db.execute(sql`select pg_terminate_backend(${pid})`);
    await expect(dying).rejects.toThrow();
    expect((await readProgress(COUNTY, '2016-03'))?.status).toBe('running'); // within the start grace: it may not have begun yet
    const job = await readProgress(COUNTY, '2016-03', later(60));
    expect(job).toMatchObject({ status: 'interrupted', step: 2, steps: 4 });

    const listed = await listInterruptedGenerations(staff.supervisor, later(60));
    expect(listed).toEqual([expect.objectContaining({ countyCode: COUNTY, countyName: '兴县', month: '2016-03', step: 2 })]);
    // Out of the region, nothing.
    expect(await listInterruptedGenerations(await signedIn('supervisor'), later(60))).toEqual([]);

    // Starting again finishes the job.
    await startRun(staff.caseworker, { countyCode: COUNTY, month: '2016-03' });
    expect((await readProgress(COUNTY, '2016-03', later(60)))?.status).toBe('finished');
    expect(await listInterruptedGenerations(staff.supervisor, later(60))).toEqual([]);
  });
});
