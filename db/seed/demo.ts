import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { policyStandards, users } from '@/db/schema';
import type { Role } from '@/db/schema';
import { hashPassword } from '@/lib/auth/password';
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

/** Loads the demo data. Running it twice changes nothing: every insert skips what exists. */
export async function seedDemo(db: Db, log: (msg: string) => void = () => {}): Promise<void> {
  const counts = await importCityFromDivision(db, '141100');
  log(`区划：${JSON.stringify(counts)}`);

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

  const inserted = await db
    .insert(policyStandards)
    .values(seedStandards)
    .onConflictDoNothing()
    .returning({ id: policyStandards.id });
  log(`政策标准：新增 ${inserted.length} 条`);

  log(`临时救助备用金：新设 ${await seedReserveFunds(db)} 个`);
}
