import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { regions, users } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { hashPassword } from '@/lib/auth/password';
import { refuse } from '@/lib/core/errors';
import { createUserSchema } from './schemas';
import { userMessages } from './messages';

export const firstAdminSchema = createUserSchema.pick({ username: true, name: true, password: true }).extend({
  regionCode: z.string().trim().regex(/^\d{6}$/, '请填写市级区划代码（6 位）').optional(),
});
export type FirstAdminInput = z.input<typeof firstAdminSchema>;

/**
 * The first admin of a production installation (`npm run admin:create`, scripts/admin-create.ts):
 * refused once an active admin exists, since from then on admins create users in the app.
 * The admin sits at the city (the only city-level region unless one is named). Audited with
 * no actor: the person at the server's console.
 */
export async function createFirstAdmin(db: Db, raw: FirstAdminInput): Promise<{ id: string; regionCode: string }> {
  const parsed = firstAdminSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw refuse('invalid_input', issue.message, String(issue.path[0] ?? ''));
  }
  const input = parsed.data;
  const cities = await db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(input.regionCode ? and(eq(regions.code, input.regionCode), eq(regions.level, 'city')) : eq(regions.level, 'city'));
  if (cities.length !== 1) {
    throw refuse(
      'invalid_input',
      cities.length === 0 ? '找不到市级区划：请先运行 npm run db:seed 加载区划' : '有多个市级区划，请用 --region 指定代码',
      'regionCode',
    );
  }
  const city = cities[0]!;
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    // One at a time: two consoles running the command at once still make one first admin.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('doudi.first_admin'))`);
    const [admin] = await tx
      .select({ id: users.id })
      .from(users)
      .where(and(eq(users.role, 'admin'), eq(users.active, true)))
      .limit(1);
    if (admin) throw refuse('invalid_input', '系统中已有管理员：其他用户请由管理员在“用户管理”中创建', 'username');
    const [created] = await tx
      .insert(users)
      .values({ username: input.username, name: input.name, role: 'admin', regionCode: city.code, passwordHash })
      .onConflictDoNothing()
      .returning({ id: users.id });
    if (!created) throw refuse('duplicate_username', userMessages.usernameTaken, 'username');
    await recordAudit(tx, null, {
      action: 'user.create',
      entity: 'user',
      entityId: created.id,
      regionCode: city.code,
      after: { username: input.username, name: input.name, role: 'admin', regionCode: city.code },
      reason: '首个管理员（npm run admin:create）',
    });
    return { id: created.id, regionCode: city.code };
  });
}
