import { expect, test, uniqueSuffix } from './support/db';
import { signIn } from './support/auth';
import { insertKangchengHousehold } from './support/ids';

// The county supervisor registers a 敬老院 and admits a 特困 person of 康城村 by ID number: the
// resident is listed, the occupancy counts them, and the 集中 amount row is written.
test('a supervisor creates an institution and admits a resident', async ({ page, sql }) => {
  const name = `康城镇敬老院${uniqueSuffix()}`;
  const resident = `供养${uniqueSuffix().slice(-4)}`;
  const householdId = await insertKangchengHousehold(sql, resident);
  const [m] = await sql<{ id: string; id_number: string }[]>`select id, id_number from members where household_id = ${householdId}`;
  const [e] = await sql<{ id: string }[]>`
    insert into enrollments (program, household_id, member_id, status, county_code, township_code, village_code, start_month)
    values ('tekun', ${householdId}, ${m!.id}, 'active', '141130', '141130101', '141130101200', '2026-01') returning id`;
  await sql`insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components) values (${e!.id}, '2026-01', 54800, '{"working":["测试"]}'::jsonb)`;
  await sql`insert into enrollment_members (enrollment_id, member_id, id_number, basic_living) values (${e!.id}, ${m!.id}, ${m!.id_number}, true)`;

  await signIn(page, 'supervisor');
  await page.getByRole('navigation').getByRole('link', { name: '供养机构' }).click();
  await page.getByRole('link', { name: '登记供养机构' }).click();
  // Bad input first: each field says what is wrong, nothing is saved.
  await page.getByRole('button', { name: '保存机构' }).click();
  await expect(page.getByText('请填写机构名称').first()).toBeVisible();
  await page.getByLabel('机构名称').fill(name);
  await page.getByLabel('所在乡镇').selectOption({ label: '康城镇' });
  await page.getByLabel('地址').fill('康城镇南街 8 号');
  await page.getByLabel('核定床位').fill('40');
  await page.getByLabel('机构性质').selectOption({ label: '公办' });
  await page.getByLabel('医养结合').check();
  await page.getByLabel('开户银行').fill('交口县农村信用社');
  await page.getByLabel('账户名称').fill(name);
  await page.getByLabel('对公账号').fill('14050123456789012');
  await page.getByRole('button', { name: '保存机构' }).click();
  await expect(page.getByRole('heading', { name })).toBeVisible();

  await page.getByLabel('特困人员身份证号').fill(m!.id_number);
  await page.getByRole('button', { name: '办理入住' }).click();
  const residents = page.getByRole('region', { name: '集中供养人员' });
  await expect(residents.getByRole('link', { name: resident })).toBeVisible();
  await expect(residents.getByText('在院')).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: '2.5%' })).toBeVisible();
  // Admitting the same person again is refused at the field.
  await page.getByLabel('特困人员身份证号').fill(m!.id_number);
  await page.getByRole('button', { name: '办理入住' }).click();
  await expect(page.getByText('该特困人员已入住供养机构，请先办理离院').first()).toBeVisible();

  const [amount] = await sql<{ amount_fen: string; components: { supportMode: string } }[]>`
    select amount_fen, components from enrollment_amounts where enrollment_id = ${e!.id} order by effective_month desc limit 1`;
  expect(amount!.components.supportMode).toBe('centralized');

  await page.getByRole('link', { name: '供养机构' }).first().click();
  const row = page.getByRole('row').filter({ hasText: name });
  await expect(row.getByRole('cell', { name: '2.5%' })).toBeVisible();
  await expect(row.getByRole('cell', { name: '40' })).toBeVisible();
});
