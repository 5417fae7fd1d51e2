import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { rowsOf } from '@/lib/core/sql';
import { configuredSender, type MessageSender } from './sender';
import { retryDelayMinutes } from './texts';

// The outbox's sender side. A message is claimed by one UPDATE … FOR UPDATE SKIP LOCKED that also
// puts its next attempt LEASE_MINUTES ahead, committed before the gateway is called: two app
// servers never take the same message, a step's transaction never waits on the gateway, and a
// server that dies mid-send leaves the message to be taken again when the lease runs out (at
// least once; the gateway gets the message's id to drop a repeat).

const LEASE_MINUTES = 5;
const BATCH = 100;

export interface DispatchResult { sent: number; failed: number; gaveUp: number }

export async function dispatchDue(sender: MessageSender, opts: { limit?: number } = {}): Promise<DispatchResult> {
  const db = await getDb();
  const claimed = rowsOf<{ id: string; phone: string; body: string; attempts: number }>(
    await db.execute(sql`
    UPDATE text_messages m SET attempts = m.attempts + 1, next_attempt_at = now() + make_interval(mins => ${LEASE_MINUTES})
    WHERE m.id IN (
      SELECT id FROM text_messages WHERE state = 'pending' AND next_attempt_at <= now()
      ORDER BY next_attempt_at, id LIMIT ${opts.limit ?? BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING m.id, m.phone, m.body, m.attempts`),
  );
  const result: DispatchResult = { sent: 0, failed: 0, gaveUp: 0 };
  for (const m of claimed) {
    const id = Number(m.id);
    try {
      await sender.send({ id, phone: m.phone, body: m.body });
      await db.execute(sql`UPDATE text_messages SET state = 'sent', sent_at = now(), last_error = NULL WHERE id = ${id} AND state = 'pending'`);
      result.sent++;
    } catch (e) {
      const error = (e instanceof Error ? e.message : String(e)).slice(0, 500);
      const delay = retryDelayMinutes(m.attempts);
      if (delay === null) result.gaveUp++;
      else result.failed++;
      await db.execute(sql`
        UPDATE text_messages SET last_error = ${error},
          state = ${delay === null ? 'failed' : 'pending'},
          next_attempt_at = now() + make_interval(mins => ${delay ?? 0})
        WHERE id = ${id} AND state = 'pending'`);
    }
  }
  return result;
}

// In the app server: started by instrumentation (lib/server/startup.ts), it drains the outbox
// right after a step that wrote to it (dispatchSoon) and every POLL_MS for retries and for what
// another instance wrote. Outside the server (tests, scripts) nothing sends on its own.
const POLL_MS = 30_000;
const state = globalThis as { __doudiDispatcher?: { sender: MessageSender; running: boolean; again: boolean; queued: boolean } };

async function drain(): Promise<void> {
  const d = state.__doudiDispatcher;
  if (!d) return;
  if (d.running) {
    d.again = true;
    return;
  }
  d.running = true;
  d.queued = false;
  try {
    do {
      d.again = false;
      const r = await dispatchDue(d.sender);
      if (r.sent + r.failed + r.gaveUp === BATCH) d.again = true;
    } while (d.again);
  } catch (e) {
    console.error('短信发送器出错（稍后重试）', e);
  } finally {
    d.running = false;
  }
}

export function startDispatcher(sender: MessageSender = configuredSender()): void {
  if (state.__doudiDispatcher) return;
  state.__doudiDispatcher = { sender, running: false, again: false, queued: false };
  setInterval(() => void drain(), POLL_MS).unref();
  setTimeout(() => void drain(), 1_000).unref();
}

/** Called by the outbox's writers (./enqueue.ts): the next dispatchSoon has something to send. */
export function noteQueued(): void {
  if (state.__doudiDispatcher) state.__doudiDispatcher.queued = true;
}

/**
 * After an action's transaction has committed: send what it wrote, without waiting for it. Only
 * when this process wrote a message since the last drain (an action that wrote none costs nothing;
 * a step rolled back after writing costs one empty claim).
 */
export function dispatchSoon(): void {
  if (state.__doudiDispatcher?.queued) setTimeout(() => void drain(), 0).unref();
}
