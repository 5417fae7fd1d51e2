import { expect, test } from './support/db';
import { signIn } from './support/auth';

// A complaint taken by the caseworker, assigned by the supervisor to the caseworker as handler,
// investigated and answered; the complainant's name is hidden from the supervisor throughout.
test('a complaint is taken, assigned, investigated and answered', async ({ browser }) => {
  const as = async (username: string) => {
    const p = await (await browser.newContext()).newPage();
    await signIn(p, username);
    return p;
  };
  const content = `反映康城村人情保问题 ${Date.now()}`;
  let page = await as('caseworker');
  await page.getByRole('navigation').getByRole('link', { name: '投诉举报' }).click();
  await page.getByRole('link', { name: '登记投诉举报' }).click();
  await page.getByLabel('来源渠道').selectOption({ label: '电话（12345）' });
  await page.getByLabel('投诉类别').selectOption({ label: '人情保 / 关系保' });
  await page.getByLabel('投诉人姓名（选填）').fill('刘桂兰');
  await page.getByLabel('联系电话（选填）').fill('13912345678');
  await page.getByLabel('投诉举报内容').fill(content);
  await page.getByRole('button', { name: '登记' }).click();
  await expect(page.getByRole('heading', { name: '投诉举报：人情保 / 关系保' })).toBeVisible();
  const url = page.url();
  // Not yet assigned: the intake user does not see the name either.
  await expect(page.getByText('（已隐藏）').first()).toBeVisible();

  page = await as('supervisor');
  await page.goto(url);
  await expect(page.getByText('（已隐藏）').first()).toBeVisible();
  await page.getByLabel('承办人').selectOption({ label: '王晓梅（经办人）' });
  await page.getByRole('button', { name: '交办' }).click();
  await expect(page.getByText('状态：办理中')).toBeVisible();

  page = await as('caseworker');
  await page.goto(url);
  await expect(page.getByText('刘桂兰')).toBeVisible();
  await page.getByRole('textbox', { name: '调查核实情况' }).fill('入户走访核实，部分情况属实');
  await page.getByRole('button', { name: '保存调查记录' }).click();
  await expect(page.getByRole('region', { name: '调查核实记录' }).getByText('入户走访核实，部分情况属实')).toBeVisible();
  await page.getByLabel('办理结果', { exact: true }).selectOption({ label: '部分属实' });
  await page.getByLabel('结果说明', { exact: true }).fill('已责令整改并重新核定');
  await page.getByRole('button', { name: '保存办理结果' }).click();
  await page.getByLabel('答复方式', { exact: true }).selectOption({ label: '电话' });
  await page.getByLabel('答复内容', { exact: true }).fill('已电话告知处理结果');
  await page.getByRole('button', { name: '答复并办结' }).click();
  await expect(page.getByText('状态：已答复办结')).toBeVisible();
  await expect(page.getByRole('region', { name: '历史记录' }).getByText('答复投诉人并办结')).toBeVisible();
});
