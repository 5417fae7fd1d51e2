// Passwords in demo mode (issue 12): a created account's first sign-in leads to choosing a password;
// an admin's reset gives a temporary one shown once, ends the user's session and must be changed;
// one's own change under 账户安全 refuses a wrong current password at its field; demo mode asks for
// no second factor and says so.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support/auth';
import { confirmInDialog } from './support/confirm';

async function choosePassword(page: Page, current: string, next: string) {
  await page.getByLabel('当前（临时）密码').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('再次输入新密码').fill(next);
  await page.getByRole('button', { name: '修改密码' }).click();
}

test('a new account chooses its password; an admin reset ends its session and must be changed again', async ({ page, browser }) => {
  test.setTimeout(90_000); // several sign-ins, each an argon2 check
  const username = `mima${Date.now().toString(36)}`;
  await signIn(page, 'admin');
  await page.goto('/admin/users');
  // Sent empty: the server's Chinese messages at their fields, not the browser's own bubbles.
  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByText('用户名至少 3 个字符')).toBeVisible();
  await expect(page.getByText('密码至少 8 位')).toBeVisible();
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('姓名').fill('郝玉兰');
  await page.getByLabel('角色').selectOption('caseworker');
  await page.getByLabel('所属区划').selectOption('141130101');
  await page.getByLabel('初始密码').fill('Chushi-Mima-2026');
  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByRole('status')).toHaveText('用户已创建。');

  const theirs = await (await browser.newContext()).newPage();
  await signIn(theirs, username, 'Chushi-Mima-2026');
  await expect(theirs).toHaveURL(/\/account\/password$/);
  await theirs.goto('/households');
  await expect(theirs, 'nothing else until the password is chosen').toHaveURL(/\/account\/password$/);
  await theirs.getByLabel('当前（临时）密码').fill('Chushi-Mima-2026');
  await theirs.getByLabel('新密码', { exact: true }).fill('Ziji-Mima-2026');
  await theirs.getByLabel('再次输入新密码').fill('Ziji-Mima-2027');
  await theirs.getByRole('button', { name: '修改密码' }).click();
  await expect(theirs.getByText('两次输入的新密码不一致')).toBeVisible();
  await choosePassword(theirs, 'Chushi-Mima-2026', 'Ziji-Mima-2026');
  await expect(theirs).toHaveURL(/\/$/);
  await expect(theirs.getByLabel('当前用户')).toContainText('郝玉兰');

  await page.goto('/admin/users');
  await page.getByRole('link', { name: `编辑 ${username}` }).click();
  await page.getByLabel('重置原因', { exact: true }).fill('本人遗忘密码，电话核实身份');
  await page.getByRole('button', { name: '生成临时密码' }).click();
  await confirmInDialog(page, '确认重置密码', '其现有会话立即失效');
  const temporary = ((await page.getByLabel('临时密码').textContent()) ?? '').trim();
  expect(temporary).toMatch(/^[A-Za-z0-9]{12}$/);
  await page.reload();
  await expect(page.getByLabel('临时密码'), 'shown once').toHaveCount(0);

  await theirs.reload();
  await expect(theirs, 'the reset ended their session').toHaveURL(/\/login/);
  await signIn(theirs, username, temporary);
  await expect(theirs).toHaveURL(/\/account\/password$/);
  await choosePassword(theirs, temporary, 'Ziji-Mima-2026');
  await expect(theirs.getByText('新密码不能与最近 5 次使用过的密码相同')).toBeVisible();
  await choosePassword(theirs, temporary, 'Ziji-Mima-2028');
  await expect(theirs).toHaveURL(/\/$/);
  await theirs.context().close();
});

test('one changes one own password under 账户安全; demo mode asks for no second factor', async ({ page }) => {
  test.setTimeout(90_000); // several sign-ins, each an argon2 check
  const username = `zhanghu${Date.now().toString(36)}`;
  await signIn(page, 'admin');
  await page.goto('/admin/users');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('姓名').fill('白云飞');
  await page.getByLabel('角色').selectOption('supervisor');
  await page.getByLabel('所属区划').selectOption('141130');
  await page.getByLabel('初始密码').fill('Chushi-Mima-2026');
  await page.getByRole('button', { name: '创建用户' }).click();
  await expect(page.getByRole('status')).toHaveText('用户已创建。');

  const context = page.context();
  await context.clearCookies();
  await signIn(page, username, 'Chushi-Mima-2026');
  await choosePassword(page, 'Chushi-Mima-2026', 'Diyi-Mima-2026');
  await expect(page, 'a supervisor in demo mode binds no second factor').toHaveURL(/\/$/);
  await page.getByRole('link', { name: '账户安全' }).click();
  await expect(page).toHaveURL(/\/account\/password$/);
  await page.getByLabel('当前密码').fill('not-my-password');
  await page.getByLabel('新密码', { exact: true }).fill('Dier-Mima-2026');
  await page.getByLabel('再次输入新密码').fill('Dier-Mima-2026');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByText('当前密码不正确')).toBeVisible();
  await page.getByLabel('当前密码').fill('Diyi-Mima-2026');
  await page.getByRole('button', { name: '修改密码' }).click();
  await expect(page.getByRole('status')).toContainText('密码已修改');
  await page.goto('/households');
  await expect(page, 'this session carries on').toHaveURL(/\/households$/);

  await page.goto('/account/second-factor');
  await expect(page.getByText('演示环境不要求动态口令')).toBeVisible();
});
