import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { count, eq } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '@/db/client';
import { regions, users } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { resolveSessionUser } from '@/lib/auth/session-check';

const run = promisify(execFile);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-pglite-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('embedded PostgreSQL (PGlite) under a data folder', () => {
  it('migrates, seeds, keeps data across a restart, and refuses a second process', async () => {
    const first = await openPglite(dataDir);
    await seedDemo(first.db);
    const [row] = await first.db.select().from(users).where(eq(users.username, 'caseworker'));
    const user = await resolveSessionUser(first.db, { uid: row!.id, sv: row!.sessionVersion, loginAt: Date.now() / 1000 }, Date.now());
    expect(user).toMatchObject({ regionName: '康城镇', role: 'caseworker' });

    // While this process holds the folder, another one is refused with a clear message.
    const second = run('npx', ['tsx', 'scripts/migrate.ts'], { env: { ...process.env, DATABASE_URL: '', DOUDI_DATA_DIR: dataDir } });
    await expect(second).rejects.toMatchObject({ stderr: expect.stringContaining('正被另一个进程') });
    await first.close();

    const reopened = await openPglite(dataDir);
    const [n] = await reopened.db.select({ n: count() }).from(regions);
    expect(n!.n).toBe(1 + 13 + 154 + 2456 + 1); // province row + the city's tree
    await reopened.close();
    expect(fs.existsSync(path.join(dataDir, 'doudi.lock'))).toBe(false);
  });
});
