// When something fails midway the caseworker reads, in Chinese, what to do and how to check
// whether the action took effect — never the framework's English "This page couldn't load".
import { expect, test } from '@playwright/test';
import { signIn } from './support/auth';

async function expectChineseErrorPage(page: import('@playwright/test').Page) {
  const notice = page.getByRole('alert').filter({ hasText: '页面没有正常打开' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('要么全部完成，要么完全没有发生');
  await expect(notice).toContainText('怎样确认刚才的操作是否已生效');
  await expect(page.getByRole('button', { name: '重新打开本页' })).toBeVisible();
  await expect(page.getByText(/couldn.t load|Application error/i)).toHaveCount(0);
}

test('an action answered by a server running another build ends on the Chinese error page; retry recovers', async ({ page }) => {
  await signIn(page, 'caseworker');
  await page.goto('/households');
  // Positive control: the search (a server action) works untouched.
  await page.getByLabel('姓名、身份证号或电话').fill('穆');
  await page.getByRole('button', { name: '查找', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: '页面没有正常打开' })).toHaveCount(0);

  // The next POST of the action reaches a node that does not know its id (another build).
  await page.route('**/households', async (route) => {
    const headers = route.request().headers();
    if (route.request().method() === 'POST' && headers['next-action']) {
      await route.continue({ headers: { ...headers, 'next-action': '7f'.padEnd(42, '0') } });
    } else {
      await route.continue();
    }
  });
  await page.getByRole('button', { name: '查找', exact: true }).click();
  await expectChineseErrorPage(page);

  await page.unroute('**/households');
  await page.getByRole('button', { name: '重新打开本页' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '页面没有正常打开' })).toHaveCount(0);
});

test('an action whose connection drops ends on the Chinese error page', async ({ page }) => {
  await signIn(page, 'caseworker');
  await page.goto('/households');
  await page.route('**/households', (route) => (route.request().method() === 'POST' ? route.abort('connectionreset') : route.continue()));
  await page.getByLabel('姓名、身份证号或电话').fill('穆');
  await page.getByRole('button', { name: '查找', exact: true }).click();
  await expectChineseErrorPage(page);
});
