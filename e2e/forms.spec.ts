// After a refused submit the form's error summary takes the focus and links each marked field
// (issue 13, forms): the message stays once, beside its field.
import { expect, test } from './support/db';
import { signIn } from './support/auth';

test('registration sent empty: the summary has the focus and each entry moves to its field', async ({ page }) => {
  await signIn(page, 'caseworker');
  await page.goto('/households/new');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  const summary = page.getByRole('group', { name: /^请更正以下 \d+ 项/ });
  await expect(summary).toBeFocused();
  const links = summary.getByRole('link');
  expect(await links.count()).toBeGreaterThan(1);
  // Every field the page marks is in the summary, and nothing else.
  const marked = await page.locator('[aria-invalid="true"]').count();
  expect(await links.count()).toBeGreaterThanOrEqual(marked);

  await summary.getByRole('link', { name: '成员 1 · 姓名' }).click();
  await expect(page.getByLabel('姓名 *').first()).toBeFocused();
  // The message itself is shown once, beside the field.
  const nameField = page.getByLabel('姓名 *').first();
  const describedBy = (await nameField.getAttribute('aria-describedby')) ?? '';
  const message = (await page.locator(`[id="${describedBy.split(' ')[0]}"]`).textContent())?.trim() ?? '';
  expect(message.length).toBeGreaterThan(0);
  await expect(page.getByText(message, { exact: true })).toHaveCount(1);
});

test('an admin form refused by the server: a Chinese summary, focus on it, no browser bubble', async ({ page }) => {
  await signIn(page, 'admin');
  await page.goto('/admin/users');
  await page.getByRole('button', { name: '创建用户' }).click();
  const summary = page.getByRole('group', { name: /^请更正以下 \d+ 项/ });
  await expect(summary).toBeFocused();
  await summary.getByRole('link', { name: '用户名' }).click();
  await expect(page.getByLabel('用户名', { exact: true })).toBeFocused();
});
