// The app connects as a role that owns nothing: it cannot switch the audit trigger off, rewrite
// the record, or change the schema. Every probe has a positive control (the owner may do it, or
// the app may do the harmless half), so a refusal here is the privilege, not a typo.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { appDb, ownerDb } from './support/app';
import { rows } from './support/payouts';

const refusedWith = (pattern: RegExp) => ({ cause: expect.objectContaining({ message: expect.stringMatching(pattern) }) });

describe("the app's database role", () => {
  it('is not a superuser and owns no table', async () => {
    const db = await appDb();
    const [me] = rows<{ role: string; superuser: boolean; owned: string }>(
      await db.execute(sql`select current_user as role, (select rolsuper from pg_roles where rolname = current_user) as superuser,
        (select count(*) from pg_tables where schemaname = 'public' and tableowner = current_user) as owned`),
    );
    expect(me).toEqual({ role: 'doudi_test_app', superuser: false, owned: '0' });
    const [tables] = rows<{ n: string }>(await (await ownerDb()).execute(sql`select count(*) as n from pg_tables where schemaname = 'public' and tableowner = current_user`));
    expect(Number(tables!.n)).toBeGreaterThan(25); // the owner owns them all
  });

  it('cannot disable the audit trigger, bypass triggers, or change the schema; the owner can', async () => {
    const db = await appDb();
    await expect(db.execute(sql`alter table audit_log disable trigger audit_log_no_update`)).rejects.toMatchObject(refusedWith(/must be owner/));
    await expect(db.execute(sql`set session_replication_role = replica`)).rejects.toMatchObject(refusedWith(/permission denied/));
    await expect(db.execute(sql`create table doudi_probe (id int)`)).rejects.toMatchObject(refusedWith(/permission denied for schema public/));
    await expect(db.execute(sql`drop trigger audit_log_no_update on audit_log`)).rejects.toMatchObject(refusedWith(/must be owner/));
    // Positive control: the owner may, in a transaction rolled back at once.
    const owner = await ownerDb();
    await expect(
      owner.transaction(async (tx) => {
        await tx.execute(sql`alter table audit_log disable trigger audit_log_no_update`);
        tx.rollback();
      }),
    ).rejects.toThrow(/Rollback/);
  });

  it('only adds to and reads the record: the audit log, the fund ledger and the bank return files', async () => {
    const db = await appDb();
    for (const [table, column] of [['audit_log', 'action'], ['fund_ledger', 'note'], ['bank_returns', 'file_name']] as const) {
      await expect(db.execute(sql.raw(`update ${table} set ${column} = ${column} where false`)), table).rejects.toMatchObject(refusedWith(new RegExp(`permission denied for table ${table}`)));
      await expect(db.execute(sql.raw(`delete from ${table} where false`)), table).rejects.toMatchObject(refusedWith(new RegExp(`permission denied for table ${table}`)));
      await expect(db.execute(sql.raw(`select count(*) from ${table}`)), table).resolves.toBeDefined();
    }
    // The owner meets the append-only trigger on the return files, as on the others.
    const owner = await ownerDb();
    const [run] = rows<{ id: string }>(
      await owner.execute(sql`insert into payout_runs (county_code, month, prepared_by) values ('141181', '2000-01', gen_random_uuid()) returning id`),
    );
    await owner.execute(sql`insert into bank_returns (run_id, file_name, paid_count, failed_count, paid_fen, failed_fen, imported_by) values (${run!.id}, 'probe.csv', 0, 0, 0, 0, gen_random_uuid())`);
    await expect(owner.execute(sql`update bank_returns set file_name = 'rewritten' where true`)).rejects.toMatchObject(refusedWith(/bank_returns is append-only/));
  });

  it('refreshes the planner statistics through the owner’s function, not by ANALYZE of its own', async () => {
    const db = await appDb();
    await expect(db.execute(sql`select doudi_analyze_payout_lines()`)).resolves.toBeDefined();
    const warnings = rows<{ ok: boolean }>(await db.execute(sql`select has_function_privilege('doudi_analyze_payout_lines()', 'execute') as ok`));
    expect(warnings[0]!.ok).toBe(true);
  });
});
