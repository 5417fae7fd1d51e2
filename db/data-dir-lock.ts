// The embedded database's folder lock. PGlite has no lock of its own: a second process
// writing the same folder corrupts it, so the first one to open it writes doudi.lock.
//
// A process id alone cannot say whether the holder still lives: after a kill -9 the id still
// answers (a zombie until its parent reaps it, or a large process still tearing down), and
// after a reboot, or much later, the same id belongs to some other process. The lock
// therefore records who holds it: the process id with that process's start time (field 22
// of /proc/<pid>/stat), the boot id (/proc/sys/kernel/random/boot_id) and the host name, and
// a random token that only the holder's own release removes. A holder counts as alive only
// on the same host and boot, with the same start time, and not a zombie; an alive holder is
// polled for a moment before the start is refused, so a restart right after a kill -9 waits
// out the dying process instead of failing.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const LOCK_FILE = 'doudi.lock';

export interface LockOwner {
  pid: number;
  /** Clock ticks after boot at which the process started (Linux); absent where /proc is not. */
  startTime?: string;
  bootId?: string;
  hostname?: string;
  token?: string;
}

export class DataDirInUseError extends Error {
  constructor(
    readonly dir: string,
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(
      `嵌入式数据库目录 ${dir} 正被另一个进程（PID ${pid}）使用，锁文件：${lockPath}。PGlite 只允许一个进程打开它：` +
        `请先停止那个进程，或设置 DATABASE_URL 使用 PostgreSQL 服务器。` +
        `若确认没有进程在使用这个目录（例如它在另一台机器上已停止），删除该锁文件后重新启动。`,
    );
    this.name = 'DataDirInUseError';
  }
}

function readProcStat(pid: number): { state: string; startTime: string } | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0]!, startTime: fields[19]! };
  } catch {
    return null;
  }
}

function readBootId(): string | undefined {
  try {
    return fs.readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** This process as a lock owner. */
export function currentOwner(): LockOwner {
  return {
    pid: process.pid,
    startTime: readProcStat(process.pid)?.startTime,
    bootId: readBootId(),
    hostname: os.hostname(),
    token: crypto.randomUUID(),
  };
}

/** A lock file's owner; a lock of the old format holds only the process id. */
export function parseOwner(text: string): LockOwner | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return { pid: Number(t) };
  try {
    const o = JSON.parse(t) as LockOwner;
    return Number.isInteger(o.pid) && o.pid > 0 ? o : null;
  } catch {
    return null;
  }
}

/**
 * Whether the owner may still be using the folder. Another host's process cannot be checked
 * from here and counts as alive; on this host a different boot, a gone or zombie process, or
 * a process that started at another time (the id reused) does not.
 */
export function ownerAlive(owner: LockOwner): boolean {
  if (owner.hostname && owner.hostname !== os.hostname()) return true;
  const bootId = readBootId();
  if (owner.bootId && bootId && owner.bootId !== bootId) return false;
  try {
    process.kill(owner.pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = readProcStat(owner.pid);
  if (!stat) return !fs.existsSync('/proc/self/stat'); // no /proc at all: the signal is all we have
  if (stat.state === 'Z' || stat.state === 'X') return false;
  return !owner.startTime || owner.startTime === stat.startTime;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the folder's lock or throws DataDirInUseError. An alive holder is re-checked for up
 * to `waitMs` (a process killed a moment ago is still exiting) before the start is refused.
 * Returns the release, also run at process exit; it removes the file only while it is ours.
 */
export async function lockDataDir(dataDir: string, opts: { waitMs?: number } = {}): Promise<() => void> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, LOCK_FILE);
  const me = currentOwner();
  const mine = JSON.stringify(me);
  const deadline = Date.now() + (opts.waitMs ?? 3000);
  for (;;) {
    // Written whole under a private name, then linked into place: link fails when a lock
    // exists, and a reader never sees a half-written lock.
    const tmp = `${lockPath}.${me.token}`;
    fs.writeFileSync(tmp, mine);
    try {
      fs.linkSync(tmp, lockPath);
      const release = () => {
        process.off('exit', release);
        try {
          if (fs.readFileSync(lockPath, 'utf8') === mine) fs.unlinkSync(lockPath);
        } catch {
          /* already gone */
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    let text: string;
    try {
      text = fs.readFileSync(lockPath, 'utf8');
    } catch {
      continue; // released in between
    }
    const owner = parseOwner(text);
    // Our own id: either this very process has the folder open already, or the id was
    // another process's before (a lock without our start time and boot).
    const ours = owner?.pid === process.pid;
    if (ours && owner.startTime && owner.startTime === me.startTime && owner.bootId === me.bootId) {
      throw new DataDirInUseError(dataDir, lockPath, owner.pid);
    }
    if (owner && !ours && ownerAlive(owner)) {
      if (Date.now() >= deadline) throw new DataDirInUseError(dataDir, lockPath, owner.pid);
      await sleep(100);
      continue;
    }
    // Stale (or unreadable): remove it, unless another starter replaced it meanwhile.
    try {
      if (fs.readFileSync(lockPath, 'utf8') === text) fs.unlinkSync(lockPath);
    } catch {
      /* already gone */
    }
  }
}
