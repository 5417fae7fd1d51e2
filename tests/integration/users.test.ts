import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, users } from '@/db/schema';
import { createUser } from '@/lib/users/create-user';
import { createUserSchema } from '@/lib/users/schemas';
import { updateUser } from '@/lib/users/update-user';
import { appDb, signedIn } from './support/app';

describe('user administration', () => {
  it('creates a user with a hashed password and its audit row', async () => {
    const admin = await signedIn('admin');
    const username = `new-${Date.now()}`;
    const { id } = await createUser(admin, { username, name: '新用户', role: 'supervisor', regionCode: '141124', password: 'Linxian#2026' });
    const db = await appDb();
    const [row] = await db.select().from(users).where(eq(users.id, id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain('Linxian');
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.entity, 'user'), eq(auditLog.entityId, id)));
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toContain('Linxian#2026');
  });

  it('refuses a duplicate username, a supervisor below county level, and a region outside the city', async () => {
    const admin = await signedIn('admin');
    const base = { name: '某某', password: 'Linxian#2026' };
    await expect(createUser(admin, { ...base, username: 'CASEWORKER', role: 'caseworker', regionCode: '141130101' })).rejects.toMatchObject({
      code: 'duplicate_username',
      fieldErrors: { username: '该用户名已被使用' },
    });
    await expect(createUser(admin, { ...base, username: `s-${Date.now()}`, role: 'supervisor', regionCode: '141130101' })).rejects.toMatchObject({
      fieldErrors: { regionCode: '该角色只能设在县级区划' },
    });
    await expect(createUser(admin, { ...base, username: `t-${Date.now()}`, role: 'caseworker', regionCode: '140105' })).rejects.toMatchObject({
      fieldErrors: { regionCode: '区划不存在或不在您的管辖范围内' },
    });
  });

  it('refuses short and common passwords with a field message', () => {
    const input = { username: 'someone', name: '某某', role: 'caseworker', regionCode: '141130101' };
    const short = createUserSchema.safeParse({ ...input, password: 'Ab1#' });
    const common = createUserSchema.safeParse({ ...input, password: 'password123' });
    expect(short.success).toBe(false);
    expect(short.error?.issues[0]).toMatchObject({ path: ['password'], message: '密码至少 8 位' });
    expect(common.error?.issues[0]).toMatchObject({ path: ['password'], message: '这个密码太常见，请换一个' });
  });

  it('lets only admins manage users, answering "not found" to others', async () => {
    const supervisor = await signedIn('supervisor');
    await expect(
      createUser(supervisor, { username: 'x-sup', name: '某', role: 'caseworker', regionCode: '141130101', password: 'Linxian#2026' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    const target = await signedIn('caseworker');
    await expect(
      updateUser(supervisor, { userId: target.id, role: 'caseworker', regionCode: '141130101', active: false, reason: '越权尝试' }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });

  it('does not let an admin lock themselves out', async () => {
    const admin = await signedIn('admin');
    await expect(updateUser(admin, { userId: admin.id, role: 'admin', regionCode: '141100', active: false, reason: '测试' })).rejects.toMatchObject({
      code: 'same_person',
      fieldErrors: { role: '不能停用自己或更改自己的角色和区划' },
    });
  });
});
