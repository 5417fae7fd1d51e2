// Tamper evidence: every audit row is linked into a hash chain at commit. Edited behind the
// app's back — by the owner with the append-only trigger switched off, as only a superuser or
// the owner could — the check names the first broken link; put back, the chain holds again.
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import { checkAuditChain, verifyAuditChain } from '@/lib/audit/chain';
import { recordAudit } from '@/lib/audit/record';
import { appDb, ownerDb, signedIn } from './support/app';
import { rows } from './support/payouts';

async function count(table: 'audit_log' | 'audit_chain') {
  const [r] = rows<{ n: string }>(await (await appDb()).execute(sql.raw(`select count(*) as n from ${table}`)));
  return Number(r!.n);
}

async function asOwnerWithoutTrigger(trigger: string, statement: ReturnType<typeof sql>) {
  const owner = await ownerDb();
  await owner.transaction(async (tx) => {
    await tx.execute(sql.raw(`alter table audit_log disable trigger ${trigger}`));
    await tx.execute(statement);
    await tx.execute(sql.raw(`alter table audit_log enable trigger ${trigger}`));
  });
}

describe('the audit log’s hash chain', () => {
  it('links every row in commit order, also rows of transactions that commit at once', async () => {
    const db = await appDb();
    const admin = await signedIn('admin');
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => db.transaction((tx) => recordAudit(tx, admin, { action: 'audit.chain_check', entity: 'audit_log', entityId: `parallel-${i}` }))),
    );
    // A rolled-back row leaves no link.
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, admin, { action: 'audit.chain_check', entity: 'audit_log', entityId: 'rolled-back' });
        tx.rollback();
      }),
    ).rejects.toThrow();
    expect(await count('audit_chain')).toBe(await count('audit_log'));
    const check = await checkAuditChain(db);
    expect(check).toEqual({ links: await count('audit_log'), ok: true, brokenSeq: null, brokenAuditId: null, problem: null });
  });

  it('finds a row edited by the owner with the triggers off, and holds again once it is put back', async () => {
    const db = await appDb();
    const admin = await signedIn('admin');
    await db.transaction((tx) => recordAudit(tx, admin, { action: 'audit.chain_check', entity: 'household', entityId: 'victim', reason: '原始原因' }));
    const [victim] = await db.select().from(auditLog).where(eq(auditLog.entityId, 'victim'));
    const [link] = rows<{ seq: string }>(await db.execute(sql`select seq from audit_chain where audit_id = ${victim!.id}`));

    await asOwnerWithoutTrigger('audit_log_no_update', sql`update audit_log set reason = '改过的原因' where id = ${victim!.id}`);
    expect(await checkAuditChain(db)).toMatchObject({ ok: false, problem: 'changed_row', brokenAuditId: victim!.id, brokenSeq: Number(link!.seq) });
    // The auditor's check says so, and is itself recorded.
    const auditor = await signedIn('auditor');
    expect(await verifyAuditChain(auditor)).toMatchObject({ ok: false, brokenAuditId: victim!.id });
    await expect(verifyAuditChain(await signedIn('caseworker'))).rejects.toMatchObject({ code: 'not_found' });

    await asOwnerWithoutTrigger('audit_log_no_update', sql`update audit_log set reason = '原始原因' where id = ${victim!.id}`);
    expect(await checkAuditChain(db)).toMatchObject({ ok: true, problem: null });
  });

  it('finds a row slipped in with the sealing trigger off', async () => {
    const db = await appDb();
    await asOwnerWithoutTrigger('audit_log_sealed', sql`insert into audit_log (action, entity, entity_id) values ('test.chain', 'test', 'slipped-in')`);
    const [slipped] = await db.select().from(auditLog).where(eq(auditLog.entityId, 'slipped-in'));
    expect(await checkAuditChain(db)).toMatchObject({ ok: false, problem: 'unlinked_row', brokenAuditId: slipped!.id });
    // Taken out again (by the owner, triggers off), the chain holds.
    await asOwnerWithoutTrigger('audit_log_no_update', sql`delete from audit_log where id = ${slipped!.id}`);
    expect(await checkAuditChain(db)).toMatchObject({ ok: true });
  });
});
