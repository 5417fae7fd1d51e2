import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite } from '@/db/client';
import { currentOwner, DataDirInUseError, LOCK_FILE, lockDataDir, type LockOwner } from '@/db/data-dir-lock';
import { regions } from '@/db/schema';

const dirs: string[] = [];
const children: ChildProcess[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-lock-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Spawns a process, resolving once it printed its first line (the line). */
function started(cmd: string, args: string[]): Promise<{ child: ChildProcess; line: string }> {
  const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: '' } });
  children.push(child);
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) resolve({ child, line: out.split('\n')[0]! });
    });
    child.once('exit', (code) => reject(new Error(`${cmd} exited with ${code} before it was ready`)));
  });
}

function procStartTime(pid: number): string {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]!;
}

function writeLock(dir: string, owner: LockOwner | string): string {
  const file = path.join(dir, LOCK_FILE);
  fs.writeFileSync(file, typeof owner === 'string' ? owner : JSON.stringify(owner));
  return file;
}

describe('the embedded data folder lock', () => {
  it('refuses a folder a live Doudi process holds, naming the lock file, and starts right after that process is killed -9', async () => {
    const dir = tempDir();
    const { child } = await started(process.execPath, ['--import', 'tsx', 'tests/pglite/support/hold-data-dir.ts', dir]);
    const lockPath = path.join(dir, LOCK_FILE);
    expect(JSON.parse(fs.readFileSync(lockPath, 'utf8'))).toMatchObject({ pid: child.pid, startTime: procStartTime(child.pid!) });

    const refused = openPglite(dir);
    await expect(refused).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(refused).rejects.toThrow(`锁文件：${lockPath}`);
    await expect(refused).rejects.toThrow(`PID ${child.pid}`);

    child.kill('SIGKILL'); // no await: the restart comes while the process is still dying
    const restarted = await openPglite(dir);
    const [n] = await restarted.db.select({ n: count() }).from(regions);
    expect(n!.n).toBe(0); // migrated, opened and answering
    const mine = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockOwner;
    expect(mine.pid).toBe(process.pid);
    await restarted.close();
    expect(fs.existsSync(lockPath)).toBe(false);
  });

  it('takes over a lock whose process id now belongs to an unrelated process (another start time or boot)', async () => {
    const { child } = await started('sh', ['-c', 'echo up; exec sleep 60']);
    const pid = child.pid!;
    const me = currentOwner();
    const live: LockOwner = { pid, startTime: procStartTime(pid), bootId: me.bootId, hostname: me.hostname, token: 'theirs' };

    // The same process, same start and boot: it is the holder, refused (the check can fail).
    const held = tempDir();
    writeLock(held, live);
    await expect(lockDataDir(held, { waitMs: 300 })).rejects.toThrow(`锁文件：${path.join(held, LOCK_FILE)}`);
    // An old-format lock (the id alone) of a live process is refused too.
    const legacy = tempDir();
    writeLock(legacy, String(pid));
    await expect(lockDataDir(legacy, { waitMs: 300 })).rejects.toBeInstanceOf(DataDirInUseError);

    for (const stale of [
      { ...live, startTime: String(Number(live.startTime) + 1) }, // the id reused by a later process
      { ...live, bootId: '00000000-0000-4000-8000-000000000000' }, // written before a reboot
    ]) {
      const dir = tempDir();
      const file = writeLock(dir, stale);
      const release = await lockDataDir(dir, { waitMs: 300 });
      expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ pid: process.pid, bootId: me.bootId });
      release();
      expect(fs.existsSync(file)).toBe(false);
    }
  });

  it('takes over a lock of a killed process that was not reaped yet (a zombie still answers to its id)', async () => {
    // The background `true` exits at once, and its parent (exec'd into sleep) never reaps it.
    const { line } = await started('sh', ['-c', 'true & echo $!; exec sleep 60']);
    const zombie = Number(line);
    await expect.poll(() => fs.readFileSync(`/proc/${zombie}/stat`, 'utf8').split(') ')[1]![0]).toBe('Z');
    expect(() => process.kill(zombie, 0)).not.toThrow(); // the id alone would say alive
    const dir = tempDir();
    writeLock(dir, String(zombie));
    const release = await lockDataDir(dir, { waitMs: 300 });
    release();
  });

  it('refuses a second open of the folder inside the same process', async () => {
    const dir = tempDir();
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir, { waitMs: 0 })).rejects.toBeInstanceOf(DataDirInUseError);
    release();
  });
});
