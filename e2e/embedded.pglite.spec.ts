import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';

test('on embedded PGlite, a write through a server action is seen by a route handler', async ({ page }) => {
  const username = `pglite${Date.now().toString(36)}`;
  await signIn(page, 'admin');
  await page.goto('/admin/users');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('姓名').fill('嵌入式测试');
  await page.getByLabel('角色').selectOption('supervisor');
  await page.getByLabel('所属区划').selectOption('141130');
  await page.getByLabel('初始密码').fill('Embedded#2026');
  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByRole('status')).toHaveText('用户已创建。');

  const res = await page.request.get('/api/admin/users');
  expect(res.status()).toBe(200);
  expect(res.headers()['cache-control']).toContain('no-store');
  const { users } = (await res.json()) as { users: { username: string; role: string; regionCode: string }[] };
  expect(users.find((u) => u.username === username)).toMatchObject({ role: 'supervisor', regionCode: '141130' });
});
