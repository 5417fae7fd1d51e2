import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, policyStandards, users } from '@/db/schema';
import type { Role } from '@/db/schema';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { DeploymentMode } from '@/lib/core/deployment';
import { importCityFromDivision } from './division';
import { seedStandards } from './policy';
import { seedReserveFunds } from './temp-aid';

export const DEMO_PASSWORD = 'Doudi#2026';

export const demoUsers: { username: string; name: string; role: Role; regionCode: string }[] = [
  { username: 'caseworker', name: '王晓梅', role: 'caseworker', regionCode: '141130101' }, // 交口县 康城镇
  { username: 'supervisor', name: '李建国', role: 'supervisor', regionCode: '141130' }, // 交口县
  { username: 'finance', name: '孙淑芳', role: 'finance', regionCode: '141130' }, // 交口县
  { username: 'caseworker2', name: '赵志强', role: 'caseworker', regionCode: '141128102' }, // 方山县 峪口镇
  { username: 'auditor', name: '陈丽华', role: 'auditor', regionCode: '141100' }, // 吕梁市
  { username: 'admin', name: '张伟', role: 'admin', regionCode: '141100' }, // 吕梁市
];

/**
 * Loads what both modes need: the city's regions, its policy standards and each township's
 * temporary-aid reserve fund (adjustable afterwards). Running it twice changes nothing.
 */
export async function seedReference(db: Db, log: (msg: string) => void = () => {}): Promise<void> {
  const counts = await importCityFromDivision(db, '141100');
  log(`区划：${JSON.stringify(counts)}`);

  const inserted = await db
    .insert(policyStandards)
    .values(seedStandards)
    .onConflictDoNothing()
    .returning({ id: policyStandards.id });
  log(`政策标准：新增 ${inserted.length} 条`);

  log(`临时救助备用金：新设 ${await seedReserveFunds(db)} 个`);
}

/** The reference data and the demo users (password DEMO_PASSWORD). Demo mode only. */
export async function seedDemo(db: Db, log: (msg: string) => void = () => {}): Promise<void> {
  await seedReference(db, log);

  const existing = new Set(
    (await db.select({ u: sql<string>`lower(${users.username})` }).from(users)).map((r) => r.u),
  );
  const missing = demoUsers.filter((u) => !existing.has(u.username));
  if (missing.length > 0) {
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    await db
      .insert(users)
      .values(missing.map((u) => ({ ...u, passwordHash })))
      .onConflictDoNothing();
  }
  log(`演示用户：新增 ${missing.length} 个`);
}

/**
 * Production: the reference data, no demo user; and an account left from a demo run that still
 * signs in with the published password (a database switched from demo to production) is
 * deactivated, audited, so the README's password opens nothing on a bureau's server.
 * Returns the usernames deactivated.
 */
export async function seedProduction(db: Db, log: (msg: string) => void = () => {}): Promise<string[]> {
  await seedReference(db, log);
  const candidates = await db
    .select({ id: users.id, username: users.username, regionCode: users.regionCode, passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.active, true), inArray(sql<string>`lower(${users.username})`, demoUsers.map((u) => u.username))));
  const published: typeof candidates = [];
  for (const c of candidates) if (await verifyPassword(c.passwordHash, DEMO_PASSWORD)) published.push(c);
  if (published.length > 0) {
    await db.transaction(async (tx) => {
      for (const u of published) {
        await tx
          .update(users)
          .set({ active: false, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: new Date() })
          .where(eq(users.id, u.id));
        // The row lib/audit/record.ts writes (not imported: this file also runs outside Next.js).
        await tx.insert(auditLog).values({
          action: 'user.deactivate',
          entity: 'user',
          entityId: u.id,
          regionCode: u.regionCode,
          before: { active: true },
          after: { active: false },
          reason: '生产模式：该账户仍使用公开的演示密码，已停用',
        });
      }
    });
  }
  log(
    published.length > 0
      ? `生产模式：停用仍使用演示密码的账户 ${published.map((u) => u.username).join('、')}`
      : '生产模式：未创建演示用户（第一个管理员用 npm run admin:create 创建）',
  );
  return published.map((u) => u.username);
}

/** What `npm start` / scripts/seed.ts loads in each mode (lib/core/deployment.ts). */
export function seedForMode(db: Db, mode: DeploymentMode, log: (msg: string) => void = () => {}): Promise<unknown> {
  return mode === 'demo' ? seedDemo(db, log) : seedProduction(db, log);
}
