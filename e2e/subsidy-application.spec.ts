import { expect, test, uniqueSuffix } from './support/db';
import { signIn } from './support/auth';
import { confirmInDialog } from './support/confirm';
import { insertKangchengHousehold, unusedIdNumber } from './support/ids';

// 重度残疾人护理补贴 applied for in its own right: from the member's row on the household page,
// accepted and its certificate checked by the caseworker (a wrong number refused at its field),
// approved by the supervisor after the confirmation, listed under 申请审批 by kind.
test('a care subsidy is accepted, its certificate checked and approved, by labels', async ({ browser, sql }) => {
  const as = async (username: string) => {
    const p = await (await browser.newContext()).newPage();
    await signIn(p, username);
    return p;
  };
  const name = `残补${uniqueSuffix().slice(-4)}`;
  const householdId = await insertKangchengHousehold(sql, `户主${name}`);
  const idNumber = await unusedIdNumber(sql, '141130', '19800202', '女');
  await sql`insert into members (household_id, name, id_number, birth_date, sex, relation, disability_kind, disability_grade, sort_order)
    values (${householdId}, ${name}, ${idNumber}, '1980-02-02', '女', '配偶', '肢体', 1, 1)`;

  let page = await as('caseworker');
  await page.goto(`/households/${householdId}`);
  await page.getByRole('row').filter({ hasText: name }).getByRole('link', { name: '申请残疾人补贴' }).click();
  await expect(page.getByRole('heading', { name: `申请残疾人补贴：${name}` })).toBeVisible();
  await page.getByLabel('补贴类别').selectOption({ label: '重度残疾人护理补贴' });
  await page.getByLabel('经评定需要长期照护').check();
  await page.getByRole('button', { name: '受理申请' }).click();
  await expect(page.getByRole('heading', { name: `重度残疾人护理补贴：${name}` })).toBeVisible();
  await expect(page.getByText('当前环节：已受理')).toBeVisible();
  const url = page.url();

  // 证件核验: a number of another holder is refused at its field, nothing changed.
  const other = `${idNumber.slice(0, 6)}19990101${idNumber.slice(14)}`;
  await page.getByLabel('残疾人证号').fill(`${other}41`);
  await page.getByLabel('残疾类别').selectOption('肢体');
  await page.getByLabel('残疾等级').selectOption({ label: '1 级' });
  await page.getByLabel('证件有效期至').fill('2030-12-31');
  await page.getByRole('button', { name: '核验通过' }).click();
  await expect(page.getByText('残疾人证号的前 18 位与该成员的身份证号不一致').first()).toBeVisible();
  await expect(page.getByText('当前环节：已受理')).toBeVisible();
  await page.getByLabel('残疾人证号').fill(`${idNumber}41`);
  await page.getByRole('button', { name: '核验通过' }).click();
  await expect(page.getByText('当前环节：证件已核验')).toBeVisible();
  await expect(page.getByRole('row', { name: /证件核验/ })).toContainText('肢体 1 级，有效期至 2030-12-31');
  // The caseworker does not decide.
  await expect(page.getByRole('button', { name: '提交审批意见' })).toHaveCount(0);

  page = await as('supervisor');
  await page.goto(url);
  await page.getByLabel('审批意见').selectOption({ label: '批准' });
  await page.getByRole('button', { name: '提交审批意见' }).click();
  await confirmInDialog(page, '确认审批', /每月 ¥50\.00，自 \d{4}-\d{2} 起发放/);
  await expect(page.getByText('当前环节：已批准')).toBeVisible();
  await expect(page.getByRole('row', { name: /审批/ })).toContainText('批准，每月 ¥50.00');
  const [enrollment] = await sql<{ status: string; program: string }[]>`select e.status, e.program from enrollments e join members m on m.id = e.member_id where m.id_number = ${idNumber}`;
  expect(enrollment).toEqual({ status: 'active', program: 'dis_care' });

  // Listed under 申请审批, filtered by kind.
  await page.goto('/applications');
  await page.getByRole('link', { name: '残疾人补贴申请' }).click();
  await page.getByLabel('补贴类别').selectOption({ label: '重度残疾人护理补贴' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toContainText('已批准');
  await page.getByLabel('补贴类别').selectOption({ label: '困难残疾人生活补贴' });
  await page.getByRole('button', { name: '筛选' }).click();
  await expect(page.getByRole('row').filter({ hasText: name })).toHaveCount(0);
});
