import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';

const expected: Record<string, { nav: string[]; who: RegExp }> = {
  caseworker: { nav: ['工作台', '家庭档案', '申请审批', '在册管理', '在册名单', '定期复核', '供养机构', '资金发放', '临时救助', '监测预警', '投诉举报', '统计报表', '政策标准'], who: /王晓梅.*经办人.*康城镇/ },
  supervisor: { nav: ['工作台', '家庭档案', '申请审批', '在册管理', '在册名单', '定期复核', '供养机构', '资金发放', '临时救助', '监测预警', '投诉举报', '统计报表', '政策标准'], who: /李建国.*审核审批人.*交口县/ },
  auditor: { nav: ['工作台', '家庭档案', '申请审批', '在册管理', '在册名单', '定期复核', '供养机构', '资金发放', '临时救助', '监测预警', '投诉举报', '统计报表', '政策标准', '审计日志', '审计视图'], who: /陈丽华.*监督.*吕梁市/ },
  admin: { nav: ['工作台', '价格临时补贴', '统计报表', '政策标准', '用户管理', '工作日历', '核对部门', '审计日志', '审计视图'], who: /张伟.*系统管理员.*吕梁市/ },
};

for (const [username, { nav, who }] of Object.entries(expected)) {
  test(`${username} signs in and sees their name, role, region and navigation`, async ({ page }) => {
    await signIn(page, username);
    await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
    // This server runs in demo mode (playwright.config.ts): every page says so.
    await expect(page.getByRole('note', { name: '演示环境' })).toContainText('演示环境，数据为演示数据');
    await expect(page.getByLabel('当前用户')).toHaveText(who);
    const links = page.getByRole('navigation', { name: '主导航' }).getByRole('link');
    await expect(links).toHaveText(nav);
  });
}

test('a wrong password is refused with a clear message, and an unknown user gets the same one', async ({ page }) => {
  await page.goto('/login');
  await page.getByLabel('用户名').fill('supervisor');
  await page.getByLabel('密码').fill('wrong-password-1');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText('用户名或密码错误。');
  await expect(page).toHaveURL(/\/login/);

  await page.getByLabel('用户名').fill('no-such-user');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page.locator('form').getByRole('alert')).toHaveText('用户名或密码错误。');
});

test('sign-in and sign-out work by keyboard alone, and sign-out ends the session', async ({ page }) => {
  await page.goto('/login');
  await expect(page.getByLabel('用户名')).toBeFocused();
  await page.keyboard.type('caseworker');
  await page.keyboard.press('Tab');
  await page.keyboard.type('Doudi#2026');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();

  await page.getByRole('button', { name: '退出登录' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/households');
  await expect(page).toHaveURL(/\/login/);
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page }) => {
  await signIn(page, 'auditor');
  const cookie = (await page.context().cookies()).find((c) => c.name === 'doudi.session');
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
});
