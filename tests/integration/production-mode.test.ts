// Production mode (lib/core/deployment.ts): on a bureau's PostgreSQL server the seed creates no
// demo user and disables any account still opening with the published demo password; the first
// admin is made by `npm run admin:create` (createFirstAdmin), once. A database of its own, so
// the shared demo database of the other tests is left alone.
import { randomBytes } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openPostgres, type OpenDatabase } from '@/db/client';
import { auditLog, regions, users } from '@/db/schema';
import { DEMO_PASSWORD, demoUsers, seedDemo, seedProduction } from '@/db/seed/demo';
import { hashPassword } from '@/lib/auth/password';
import { createFirstAdmin } from '@/lib/users/first-admin';

const name = `doudi_it_prod_${randomBytes(4).toString('hex')}`;
const at = (raw: string) => {
  const url = new URL(raw);
  url.pathname = `/${name}`;
  return url.toString();
};
const adminUrl = (() => {
  const url = new URL(process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = '/postgres';
  return url.toString();
})();
let open: OpenDatabase;

beforeAll(async () => {
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" owner "${new URL(inject('ownerDatabaseUrl')).username}"`);
  } finally {
    await admin.end();
  }
  open = await openPostgres(at(inject('databaseUrl')), { migrate: true, migrationUrl: at(inject('ownerDatabaseUrl')), max: 6 });
}, 60_000);

afterAll(async () => {
  await open?.close();
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists "${name}" with (force)`);
  await admin.end();
});

const refusal = (field: string, message: string | RegExp) => ({
  fieldErrors: { [field]: typeof message === 'string' ? message : expect.stringMatching(message) },
});

describe('production mode', () => {
  it('loads the regions and standards but creates no user', async () => {
    const logged: string[] = [];
    expect(await seedProduction(open.db, (m) => logged.push(m))).toEqual([]);
    const [r] = await open.db.select({ n: count() }).from(regions);
    const [u] = await open.db.select({ n: count() }).from(users);
    expect(r!.n).toBeGreaterThan(2000);
    expect(u!.n).toBe(0);
    expect(logged.join('\n')).toContain('npm run admin:create');
  }, 60_000);

  it('creates the first admin once: bad input at its field, five consoles at once make one admin', async () => {
    await expect(createFirstAdmin(open.db, { username: 'chief', name: '刘主任', password: 'short' })).rejects.toMatchObject(refusal('password', '密码至少 8 位'));
    await expect(createFirstAdmin(open.db, { username: 'chief', name: '刘主任', password: DEMO_PASSWORD })).rejects.toMatchObject(refusal('password', /常见/));
    await expect(createFirstAdmin(open.db, { username: 'x', name: '刘主任', password: 'Lvliang-民政-7' })).rejects.toMatchObject(refusal('username', '用户名至少 3 个字符'));
    await expect(createFirstAdmin(open.db, { username: 'chief', name: '刘主任', password: 'Lvliang-民政-7', regionCode: '141130' })).rejects.toMatchObject(
      refusal('regionCode', /找不到市级区划/),
    );
    const [none] = await open.db.select({ n: count() }).from(users);
    expect(none!.n).toBe(0);

    const attempts = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((i) => createFirstAdmin(open.db, { username: `chief${i}`, name: '刘主任', password: 'Lvliang-民政-7' })),
    );
    expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
    for (const a of attempts.filter((x) => x.status === 'rejected')) {
      expect((a as PromiseRejectedResult).reason).toMatchObject(refusal('username', /已有管理员/));
    }
    const admins = await open.db.select().from(users).where(eq(users.role, 'admin'));
    expect(admins).toHaveLength(1);
    expect(admins[0]).toMatchObject({ regionCode: '141100', active: true });
    const [audit] = await open.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'user.create'), eq(auditLog.entityId, admins[0]!.id), isNull(auditLog.actorId)));
    expect(audit?.reason).toContain('admin:create');
    expect(JSON.stringify(audit?.after)).not.toContain('Lvliang');
  }, 60_000);

  it('disables, audited, the demo accounts a switch from demo to production left with the published password', async () => {
    await seedDemo(open.db);
    // One demo account had its password changed by its user: it stays.
    await open.db.update(users).set({ passwordHash: await hashPassword('Jiaokou-审核-2026') }).where(eq(users.username, 'supervisor'));
    const disabled = await seedProduction(open.db);
    expect(disabled.sort()).toEqual(demoUsers.map((u) => u.username).filter((u) => u !== 'supervisor').sort());
    const active = await open.db.select({ username: users.username }).from(users).where(eq(users.active, true));
    expect(active.map((u) => u.username).sort()).toEqual(['supervisor', expect.stringMatching(/^chief\d$/)].sort());
    const audits = await open.db.select().from(auditLog).where(eq(auditLog.action, 'user.deactivate'));
    expect(audits).toHaveLength(disabled.length);
    expect(await seedProduction(open.db)).toEqual([]); // and again: nothing left to disable
  }, 60_000);
});
