// Bad input from a real browser gets its field's Chinese message, never 系统错误, and changes
// nothing: invisible characters in a name, a body over the action limit, a route handler's
// body over its own limit, a tampered list cursor.
import { expect, test, uniqueSuffix } from './support/db';
import { signIn } from './support/auth';
import { unusedIdNumber } from './support/ids';

test('registering a household: a zero-width space in a name and an oversized address are refused at their fields', async ({ page, sql }) => {
  await signIn(page, 'caseworker');
  await page.goto('/households/new');
  const address = `康城村 ${uniqueSuffix()} 号`;
  await page.getByLabel('村（社区） *').selectOption({ label: '康城村' });
  await page.getByLabel('住址 *').fill(address);
  const row = page.getByRole('group', { name: '成员 1' });
  await row.getByLabel('姓名 *').fill('穆\u200B小军');
  await row.getByLabel('身份证号 *').fill(await unusedIdNumber(sql, '141130', '19700303', '男'));
  await row.getByLabel('劳动能力 *').selectOption('full');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(row.getByText('姓名不能包含控制字符或不可见字符（第 2 个字符处），请删除后重新输入')).toBeVisible();
  await expect(page.getByText('系统错误')).toHaveCount(0);

  // Over the 1 MB action limit (and under Next.js's own 2 MB cap): refused at the largest field.
  await row.getByLabel('姓名 *').fill('穆小军');
  await page.getByLabel('住址 *').fill(`${address}${'长'.repeat(400_000)}`);
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByText('内容过长，请删减')).toBeVisible();
  await expect(page.getByRole('heading', { name: '登记家庭' })).toBeVisible();

  expect(await sql`select 1 from households where address like ${`${address}%`}`).toHaveLength(0);
});

test('a route handler refuses a body over its limit with 413 and its message', async ({ page, baseURL }) => {
  await signIn(page, 'caseworker');
  const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const res = await page.request.post(`${baseURL}/api/households/export`, {
    form: { q: '', filler: 'x'.repeat(64 * 1024) },
    headers: { Cookie: cookie, Origin: new URL(baseURL!).origin },
  });
  expect(res.status()).toBe(413);
  expect(await res.json()).toMatchObject({ error: 'too_large', message: '提交的内容过大，未处理；请删减后重试' });
});

test('a tampered cursor in a list’s address starts from the first page instead of failing', async ({ page }) => {
  await signIn(page, 'supervisor');
  const month = new Date().toISOString().slice(0, 7);
  await page.goto(`/reports/lines?month=${month}`);
  await expect(page.getByRole('heading', { name: '发放明细' })).toBeVisible();
  const first = await page.locator('#main').innerText();
  for (const after of ['abc', '1e400', '-5', "1'%20or%201=1"]) {
    await page.goto(`/reports/lines?month=${month}&after=${after}`);
    await expect(page.getByRole('heading', { name: '发放明细' })).toBeVisible();
    await expect(page.getByText(/筛选条件有误|Invalid|系统错误/)).toHaveCount(0);
    expect(await page.locator('#main').innerText(), after).toBe(first);
  }
});
