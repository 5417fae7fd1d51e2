import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb, type Db } from '@/db/client';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { rowsOf } from '@/lib/core/sql';
import { recordAudit } from './record';

import type { ChainProblem } from './chain-labels';

export { chainProblemLabels, type ChainProblem } from './chain-labels';

export interface ChainCheck {
  links: number;
  ok: boolean;
  brokenSeq: number | null;
  brokenAuditId: number | null;
  problem: ChainProblem | null;
}

/** The hash chain of the audit log walked end to end (migration 0022, doudi_audit_chain_check). */
export async function checkAuditChain(db: Db): Promise<ChainCheck> {
  const [r] = rowsOf<{ links: string | number; broken_seq: string | number | null; broken_audit_id: string | number | null; problem: ChainProblem | null }>(
    await db.execute(sql`select * from doudi_audit_chain_check()`),
  );
  const n = (v: string | number | null | undefined) => (v === null || v === undefined ? null : Number(v));
  return { links: Number(r?.links ?? 0), ok: !r?.problem, brokenSeq: n(r?.broken_seq), brokenAuditId: n(r?.broken_audit_id), problem: r?.problem ?? null };
}

/** The auditor's check from the page: the result, and that it was run, in the log itself. */
export async function verifyAuditChain(user: SessionUser): Promise<ChainCheck> {
  assertCan(user, 'audit.read');
  const db = await getDb();
  const result = await checkAuditChain(db);
  await db.transaction((tx) => recordAudit(tx, user, { action: 'audit.chain_check', entity: 'audit_log', after: { ...result } }));
  return result;
}
