import type { Page } from '@playwright/test';
import { expect, test, uniqueSuffix, type Sql } from './support/db';
import { signIn } from './support/auth';
import { confirmInDialog } from './support/confirm';
import { postServerAction } from './support/actions';
import { unusedIdNumber } from './support/ids';

const BYPASS = { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' };
const LEGACY_BYPASS = { 'x-middleware-subrequest': 'middleware:middleware:middleware:middleware:middleware' };

async function insertJiaokouHousehold(sql: Sql, headName: string): Promise<string> {
  const [h] = await sql<{ id: string }[]>`
    insert into households (village_code, township_code, county_code, address, kind)
    values ('141130101200', '141130101', '141130', '康城村 3 号', 'rural') returning id`;
  const idNumber = await unusedIdNumber(sql, '141130', '19750101', '男');
  await sql`insert into members (household_id, name, id_number, birth_date, sex, relation, is_head) values (${h!.id}, ${headName}, ${idNumber}, '1975-01-01', '男', '本人', true)`;
  return h!.id;
}

async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

test.describe('without a session nothing is read or changed', () => {
  for (const [label, headers] of [['plain', {}], ['x-middleware-subrequest', BYPASS], ['legacy bypass header', LEGACY_BYPASS]] as const) {
    test(`page, route handler and server action (${label})`, async ({ baseURL, sql }) => {
      const name = `匿名测试${uniqueSuffix()}`;
      const id = await insertJiaokouHousehold(sql, name);

      const pageRes = await fetch(`${baseURL}/households/${id}`, { headers, redirect: 'manual' });
      expect([307, 308, 303]).toContain(pageRes.status);
      expect(pageRes.headers.get('location')).toMatch(/\/login/);
      expect(await pageRes.text()).not.toContain(name);

      const apiRes = await fetch(`${baseURL}/api/households/${id}`, { headers });
      expect(apiRes.status).toBe(401);
      expect(apiRes.headers.get('cache-control')).toContain('no-store');
      expect(await apiRes.text()).not.toContain(name);

      const username = `anon${uniqueSuffix()}`;
      const action = await postServerAction(
        baseURL!,
        '/admin/users',
        'createUserAction',
        { username, name: '匿名创建', role: 'admin', regionCode: '141100', password: 'Anonymous#2026' },
        headers,
      );
      expect(action.body).not.toContain('"ok":true');
      const created = await sql`select 1 from users where username = ${username}`;
      expect(created).toHaveLength(0);
    });
  }

  test('the same bare POST does run for a signed-in admin (the request format is right)', async ({ page, baseURL, sql }) => {
    await signIn(page, 'admin');
    const username = `posted${uniqueSuffix()}`;
    const res = await postServerAction(
      baseURL!,
      '/admin/users',
      'createUserAction',
      { username, name: '直接提交', role: 'caseworker', regionCode: '141130101', password: 'Posted#2026x' },
      { Cookie: await cookieHeader(page) },
    );
    expect(res.status).toBe(200);
    expect(await sql`select 1 from users where username = ${username}`).toHaveLength(1);
  });

  test('a signed-in caseworker cannot run an admin action either', async ({ page, baseURL, sql }) => {
    await signIn(page, 'caseworker');
    const username = `cwpost${uniqueSuffix()}`;
    const res = await postServerAction(
      baseURL!,
      '/admin/users',
      'createUserAction',
      { username, name: '越权', role: 'admin', regionCode: '141100', password: 'Posted#2026x' },
      { Cookie: await cookieHeader(page) },
    );
    expect(res.body).not.toContain('"ok":true');
    expect(await sql`select 1 from users where username = ${username}`).toHaveLength(0);
  });
});

test('a caseworker of another county cannot reach a 交口县 household by typing its URL', async ({ browser, page, sql }) => {
  const name = `越界测试${uniqueSuffix()}`;
  const id = await insertJiaokouHousehold(sql, name);

  await signIn(page, 'caseworker2');
  await page.goto(`/households/${id}`);
  await expect(page.getByRole('heading', { name: '未找到' })).toBeVisible();
  await expect(page.getByText(name)).toHaveCount(0);
  const api = await page.request.get(`/api/households/${id}`);
  const missing = await page.request.get('/api/households/00000000-0000-4000-8000-000000000000');
  expect(api.status()).toBe(404);
  expect(await api.text()).toBe(await missing.text()); // indistinguishable from a record that does not exist

  // The county's own caseworker, in a browser context of their own (clearing the first one's
  // cookies races the slid session cookie of a response still in flight).
  const own = await (await browser.newContext()).newPage();
  await signIn(own, 'caseworker');
  await own.goto(`/households/${id}`);
  await expect(own.getByRole('heading', { name: `${name}户` })).toBeVisible();
  await expect(own.getByRole('cell', { name: /^141130\*{8}\d{3}[\dX]/ })).toBeVisible();
  // The full ID on request only (each view audited); the button's name begins with its visible text.
  await own.getByRole('button', { name: `显示完整号码（${name}）` }).click();
  await expect(own.getByRole('status').filter({ hasText: '完整号码：' })).toHaveText(/^完整号码：141130\d{11}[\dX]$/);
});

test("a deactivated user's existing session stops working on the next request", async ({ browser, page }) => {
  test.setTimeout(60_000);
  const username = `leaver${uniqueSuffix()}`;
  await signIn(page, 'admin');
  await page.goto('/admin/users');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('姓名').fill('即将停用');
  await page.getByLabel('角色').selectOption('caseworker');
  await page.getByLabel('所属区划').selectOption('141130101');
  await page.getByLabel('初始密码').fill('Leaving#2026');
  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByRole('status')).toHaveText('用户已创建。');

  const theirs = await browser.newContext();
  const theirPage = await theirs.newPage();
  await signIn(theirPage, username, 'Leaving#2026');
  // A created account chooses its own password first (e2e/accounts.spec.ts covers the rules).
  await expect(theirPage).toHaveURL(/\/account\/password$/);
  await theirPage.getByLabel('当前（临时）密码').fill('Leaving#2026');
  await theirPage.getByLabel('新密码', { exact: true }).fill('Leaving-Own-2026');
  await theirPage.getByLabel('再次输入新密码').fill('Leaving-Own-2026');
  await theirPage.getByRole('button', { name: '修改密码' }).click();
  await expect(theirPage).toHaveURL(/\/$/);
  await expect(theirPage.getByLabel('当前用户')).toContainText('即将停用');

  await page.reload();
  await page.getByRole('link', { name: `编辑 ${username}` }).click();
  await page.getByLabel('账号状态').selectOption('false');
  await page.getByLabel('变更原因').fill('调离岗位');
  await page.getByRole('button', { name: '保存' }).click();
  await confirmInDialog(page, '确认停用用户', `确认停用 即将停用（${username}）？停用后其现有会话立即失效`);
  await expect(page.getByRole('status').filter({ hasText: '已保存' })).toBeVisible();

  await theirPage.reload();
  await expect(theirPage).toHaveURL(/\/login/);
  const api = await theirPage.request.get('/api/households/00000000-0000-4000-8000-000000000000');
  expect(api.status()).toBe(401);
  await theirs.close();
});
