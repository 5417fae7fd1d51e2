import { and, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, policyStandards, regions, users } from '@/db/schema';
import { seedDemo } from '@/db/seed/demo';
import { appDb, ownerDb } from './support/app';

describe('the audit log is append-only', () => {
  it('refuses UPDATE, DELETE and TRUNCATE: the app’s role has no such privilege, and the owner meets the trigger', async () => {
    const db = await appDb();
    await db.insert(auditLog).values({ action: 'test.append', entity: 'test' });
    // drizzle wraps the server's error; the server's message is in its cause
    const denied = { cause: expect.objectContaining({ message: expect.stringMatching(/permission denied for table audit_log/) }) };
    await expect(db.update(auditLog).set({ action: 'rewritten' }).where(eq(auditLog.action, 'test.append'))).rejects.toMatchObject(denied);
    await expect(db.delete(auditLog).where(eq(auditLog.action, 'test.append'))).rejects.toMatchObject(denied);
    await expect(db.execute(sql`truncate audit_log`)).rejects.toMatchObject(denied);
    const owner = await ownerDb();
    const refused = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
    await expect(owner.update(auditLog).set({ action: 'rewritten' }).where(eq(auditLog.action, 'test.append'))).rejects.toMatchObject(refused);
    await expect(owner.delete(auditLog).where(eq(auditLog.action, 'test.append'))).rejects.toMatchObject(refused);
    await expect(owner.execute(sql`truncate audit_log cascade`)).rejects.toMatchObject(refused); // cascade: past the chain's foreign key, to the trigger
    const [still] = await db.select().from(auditLog).where(eq(auditLog.action, 'test.append'));
    expect(still?.action).toBe('test.append');
  });
});

describe('demo data', () => {
  async function counts() {
    const db = await appDb();
    const byLevel = await db.select({ level: regions.level, n: count() }).from(regions).groupBy(regions.level);
    const [u] = await db.select({ n: count() }).from(users);
    const [p] = await db.select({ n: count() }).from(policyStandards);
    return { regions: Object.fromEntries(byLevel.map((r) => [r.level, r.n])), users: u!.n, standards: p!.n };
  }

  it('holds 吕梁市 with its 13 counties, 154 townships and 2,456 villages, and loads twice without change', async () => {
    const before = await counts();
    expect(before.regions).toMatchObject({ city: 1, county: 13, township: 154, village: 2456 });
    await seedDemo(await appDb());
    const after = await counts();
    expect(after.regions).toEqual(before.regions);
    expect(after.standards).toBe(before.standards);
    expect(after.users).toBe(before.users);
  });

  it('has the real codes of the reference case', async () => {
    const db = await appDb();
    const rows = await db.select().from(regions).where(sql`${regions.code} in ('141130', '141130101', '141130101200', '141128102')`);
    const byCode = Object.fromEntries(rows.map((r) => [r.code, r]));
    expect(byCode['141130']?.name).toBe('交口县');
    expect(byCode['141130101']?.name).toBe('康城镇');
    expect(byCode['141130101200']).toMatchObject({ name: '康城村委会', level: 'village', townshipCode: '141130101', countyCode: '141130' });
    expect(byCode['141128102']?.name).toBe('峪口镇');
  });

  it('has the demo standards of DESIGN.md: 交口县 402 yuan/month, disability subsidies 50 yuan', async () => {
    const db = await appDb();
    const [jiaokou] = await db
      .select()
      .from(policyStandards)
      .where(and(eq(policyStandards.regionCode, '141130'), eq(policyStandards.component, 'rural_standard_monthly')));
    expect(jiaokou?.amountFen).toBe(40_200);
    const subsidies = await db.select().from(policyStandards).where(eq(policyStandards.component, 'monthly'));
    expect(subsidies.map((s) => s.amountFen)).toEqual([5_000, 5_000]);
  });
});
