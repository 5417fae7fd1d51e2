// Starts ./instance.ts as a child process on this run's database and calls verbs in it.
import { spawn } from 'node:child_process';
import path from 'node:path';
import readline from 'node:readline';
import type { SessionUser } from '@/lib/auth/types';
import { testDatabaseUrl } from './db';

type Answer = { id: number; ok: true; result: unknown } | { id: number; ok: false; code: string };

export interface Instance {
  call(verb: 'regenerateRun' | 'approveRun', user: SessionUser, input: unknown): Promise<Answer>;
  stop(): Promise<void>;
}

export async function startInstance(): Promise<Instance> {
  const root = path.resolve(__dirname, '../../..');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'tests/integration/support/instance.ts')], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: testDatabaseUrl(), NODE_ENV: 'test' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const waiting = new Map<number, (a: Answer) => void>();
  readline.createInterface({ input: child.stdout! }).on('line', (line) => {
    const answer = JSON.parse(line) as Answer;
    waiting.get(answer.id)?.(answer);
    waiting.delete(answer.id);
  });
  await new Promise<Answer>((resolve, reject) => {
    waiting.set(0, resolve);
    child.once('exit', (code) => reject(new Error(`instance exited with ${code}`)));
  });
  let next = 1;
  return {
    call(verb, user, input) {
      const id = next++;
      return new Promise((resolve) => {
        waiting.set(id, resolve);
        child.stdin!.write(JSON.stringify({ id, verb, user, input }) + '\n');
      });
    },
    async stop() {
      child.stdin!.end();
      child.kill();
      await new Promise((r) => child.once('exit', r));
    },
  };
}
