// Production mode (issue 12), on a server of its own: no demo user and no banner; the first admin
// (created as `npm run admin:create` would) must bind a second factor before anything else; a
// supervisor the admin creates must choose a password, then bind TOTP; a recovery code signs in
// once; the admin's resets of the second factor and of the password take effect at once.
import { expect, test, type Page } from '@playwright/test';
import { generate } from 'otplib';
import { signIn } from './support/auth';
import { confirmInDialog } from './support/confirm';
import { E2E_FIRST_ADMIN } from './support/env';

test.describe.configure({ mode: 'serial' });

const supervisor = { username: `shenpi${Date.now().toString(36)}`, name: '冯志远', initial: 'Chushi-Mima-2026', own: 'Ziji-Shezhi-2026' };

/** Binds the second factor on /account/second-factor: the secret as typed by hand, then its code. */
async function bindSecondFactor(page: Page): Promise<string[]> {
  await expect(page).toHaveURL(/\/account\/second-factor$/);
  await expect(page.getByRole('alert').filter({ hasText: '须使用动态口令' })).toBeVisible();
  await expect(page.getByRole('img', { name: '动态口令二维码' })).toBeVisible();
  const secret = ((await page.getByLabel('手动输入密钥').textContent()) ?? '').replace(/\s/g, '');
  expect(secret).toMatch(/^[A-Z2-7]{32}$/);
  await page.getByLabel('动态口令', { exact: true }).fill('000000');
  await page.getByRole('button', { name: '完成绑定' }).click();
  await expect(page.getByText('动态口令不正确或已使用')).toBeVisible();
  await page.getByLabel('动态口令', { exact: true }).fill(await generate({ secret }));
  await page.getByRole('button', { name: '完成绑定' }).click();
  const codes = page.getByRole('list', { name: '恢复码' }).getByRole('listitem');
  await expect(codes).toHaveCount(10);
  const recovery = (await codes.allTextContents()).map((c) => c.trim());
  await page.getByRole('link', { name: '我已保存恢复码，继续' }).click();
  await expect(page).toHaveURL(/\/$/);
  return recovery;
}

async function signInWithCode(page: Page, username: string, password: string, code: string) {
  await page.goto('/login');
  await page.getByLabel('用户名', { exact: true }).fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '动态口令' })).toContainText('请输入手机验证器应用中的 6 位动态口令');
  await page.getByLabel('动态口令或恢复码').fill(code);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

let adminRecovery: string[] = [];
let supervisorRecovery: string[] = [];

test('the first admin binds a second factor before anything else; no demo banner, no demo account', async ({ page }) => {
  test.setTimeout(90_000); // several sign-ins, each an argon2 check
  await page.goto('/login');
  await expect(page.getByRole('note', { name: '演示环境' })).toHaveCount(0);
  await page.getByLabel('用户名', { exact: true }).fill('admin');
  await page.getByLabel('密码', { exact: true }).fill('Doudi#2026');
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '用户名或密码错误' })).toBeVisible();

  await signIn(page, E2E_FIRST_ADMIN.username, E2E_FIRST_ADMIN.password);
  await expect(page).toHaveURL(/\/account\/second-factor$/);
  await page.goto('/admin/users');
  await expect(page, 'every page leads to the step owed').toHaveURL(/\/account\/second-factor$/);
  expect((await page.request.get('/api/admin/users')).status(), 'and every route answers as signed out').toBe(401);
  adminRecovery = await bindSecondFactor(page);
  await expect(page.getByLabel('当前用户')).toContainText(E2E_FIRST_ADMIN.name);
});

test('a supervisor the admin creates chooses a password, binds TOTP, then signs in with a recovery code once', async ({ page, browser }) => {
  test.setTimeout(90_000); // several sign-ins, each an argon2 check
  await signInWithCode(page, E2E_FIRST_ADMIN.username, E2E_FIRST_ADMIN.password, adminRecovery[0]!);
  await expect(page.getByLabel('当前用户')).toContainText(E2E_FIRST_ADMIN.name);
  await page.goto('/admin/users');
  await page.getByLabel('用户名').fill(supervisor.username);
  await page.getByLabel('姓名').fill(supervisor.name);
  await page.getByLabel('角色').selectOption('supervisor');
  await page.getByLabel('所属区划').selectOption('141130');
  await page.getByLabel('初始密码').fill(supervisor.initial);
  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByRole('status')).toHaveText('用户已创建。');

  const theirs = await (await browser.newContext()).newPage();
  await signIn(theirs, supervisor.username, supervisor.initial);
  await expect(theirs).toHaveURL(/\/account\/password$/);
  await expect(theirs.getByRole('alert').filter({ hasText: '请先设置自己的新密码' })).toBeVisible();
  await theirs.getByLabel('当前（临时）密码').fill(supervisor.initial);
  await theirs.getByLabel('新密码', { exact: true }).fill(supervisor.initial);
  await theirs.getByLabel('再次输入新密码').fill(supervisor.initial);
  await theirs.getByRole('button', { name: '修改密码' }).click();
  await expect(theirs.getByText('新密码不能与最近 5 次使用过的密码相同')).toBeVisible();
  await theirs.getByLabel('新密码', { exact: true }).fill(supervisor.own);
  await theirs.getByLabel('再次输入新密码').fill(supervisor.own);
  await theirs.getByRole('button', { name: '修改密码' }).click();
  // The password done, the session still owes the second factor.
  supervisorRecovery = await bindSecondFactor(theirs);
  await expect(theirs.getByLabel('当前用户')).toContainText(supervisor.name);

  await theirs.getByRole('button', { name: '退出登录' }).click();
  await signInWithCode(theirs, supervisor.username, supervisor.own, supervisorRecovery[0]!);
  await expect(theirs.getByLabel('当前用户')).toContainText(supervisor.name);
  await theirs.getByRole('button', { name: '退出登录' }).click();
  await signInWithCode(theirs, supervisor.username, supervisor.own, supervisorRecovery[0]!);
  await expect(theirs.getByRole('alert').filter({ hasText: '已使用过' })).toBeVisible();
  await expect(theirs).toHaveURL(/\/login/);
  await theirs.context().close();
});

test("the admin's resets: the second factor is bound again, a temporary password must be changed, sessions end", async ({ page, browser }) => {
  test.setTimeout(90_000); // several sign-ins, each an argon2 check
  const theirs = await (await browser.newContext()).newPage();
  await signInWithCode(theirs, supervisor.username, supervisor.own, supervisorRecovery[1]!);
  await expect(theirs.getByLabel('当前用户')).toContainText(supervisor.name);

  await signInWithCode(page, E2E_FIRST_ADMIN.username, E2E_FIRST_ADMIN.password, adminRecovery[1]!);
  await expect(page.getByLabel('当前用户')).toContainText(E2E_FIRST_ADMIN.name);
  await page.goto('/admin/users');
  await page.getByRole('link', { name: `编辑 ${supervisor.username}` }).click();
  await page.getByLabel('动态口令重置原因').fill('手机丢失，本人到窗口申请');
  await page.getByRole('button', { name: '重置动态口令' }).click();
  await confirmInDialog(page, '确认重置动态口令', `确认重置 ${supervisor.name}（${supervisor.username}）的动态口令？`);
  await expect(page.getByText('已重置。该用户下次登录时须重新绑定动态口令。')).toBeVisible();

  await theirs.reload();
  await expect(theirs, 'their session ended').toHaveURL(/\/login/);
  await signIn(theirs, supervisor.username, supervisor.own);
  const fresh = await bindSecondFactor(theirs);

  await page.getByLabel('重置原因', { exact: true }).fill('本人遗忘密码，电话核实身份');
  await page.getByRole('button', { name: '生成临时密码' }).click();
  await confirmInDialog(page, '确认重置密码', `确认为 ${supervisor.name}（${supervisor.username}）生成临时密码？`);
  const temporary = ((await page.getByLabel('临时密码').textContent()) ?? '').trim();
  expect(temporary).toMatch(/^[A-Za-z0-9]{12}$/);
  await theirs.reload();
  await expect(theirs).toHaveURL(/\/login/);
  // The second factor stays bound: the temporary password and a code, then the change.
  await signInWithCode(theirs, supervisor.username, temporary, supervisorRecovery[2]!);
  await expect(theirs.getByRole('alert').filter({ hasText: '已使用过' }), 'the codes from before the factor was reset are void').toBeVisible();
  await theirs.getByLabel('动态口令或恢复码').fill(fresh[0]!);
  await theirs.getByRole('button', { name: '登录', exact: true }).click();
  await expect(theirs).toHaveURL(/\/account\/password$/);
  await theirs.getByLabel('当前（临时）密码').fill(temporary);
  await theirs.getByLabel('新密码', { exact: true }).fill('Xin-De-Mima-2026');
  await theirs.getByLabel('再次输入新密码').fill('Xin-De-Mima-2026');
  await theirs.getByRole('button', { name: '修改密码' }).click();
  await expect(theirs).toHaveURL(/\/$/);
  await expect(theirs.getByLabel('当前用户')).toContainText(supervisor.name);

  const [audit] = [await page.goto('/audit')];
  expect(audit?.status()).toBe(200);
  await expect(page.getByRole('cell', { name: '重置用户动态口令' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: '重置用户密码（临时密码）' }).first()).toBeVisible();
  await expect(page.getByRole('cell', { name: '修改本人密码' }).first()).toBeVisible();
  await theirs.context().close();
});
