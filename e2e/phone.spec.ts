// At a village visit on a phone (issue 13): 390 px wide, the caseworker's pages work without
// sideways scrolling and the navigation folds away behind a menu button.
import { expect, test, uniqueSuffix, type Sql } from './support/db';
import { signIn } from './support/auth';
import { unusedIdNumber } from './support/ids';

test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

async function insertFamily(sql: Sql, headName: string): Promise<string> {
  const [h] = await sql<{ id: string }[]>`
    insert into households (village_code, township_code, county_code, address, kind, phone)
    values ('141130101200', '141130101', '141130', '交口县康城镇康城村委会康城村 3 号院', 'rural', '13800000000') returning id`;
  const people: [string, string, string, string, boolean][] = [
    [headName, '19750101', '男', '本人', true],
    ['刘桂英', '19780305', '女', '配偶', false],
    ['穆晓燕', '20090224', '女', '子女', false],
  ];
  for (const [name, born, sex, relation, head] of people) {
    const id = await unusedIdNumber(sql, '141130', born, sex as '男' | '女');
    const birth = `${born.slice(0, 4)}-${born.slice(4, 6)}-${born.slice(6)}`;
    await sql`insert into members (household_id, name, id_number, birth_date, sex, relation, is_head) values (${h!.id}, ${name}, ${id}, ${birth}, ${sex}, ${relation}, ${head})`;
  }
  return h!.id;
}

async function widthOf(page: import('@playwright/test').Page) {
  return page.evaluate(() => document.documentElement.scrollWidth);
}

test('the caseworker’s pages fit 390 px: no sideways scroll, the menu folds', async ({ page, sql }) => {
  test.setTimeout(60_000);
  const id = await insertFamily(sql, `手机测试${uniqueSuffix()}`);
  await signIn(page, 'caseworker');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await expect(nav.getByRole('link', { name: '家庭档案' })).toBeHidden();
  await page.getByRole('button', { name: '菜单' }).click();
  await expect(nav.getByRole('link', { name: '家庭档案' })).toBeVisible();

  const widths: Record<string, number> = {};
  for (const path of ['/', '/households', `/households/${id}`, '/households/new', '/temp-aid/new', '/applications', `/applications/new?household=${id}`]) {
    await page.goto(path);
    await expect(page.getByRole('main')).toBeVisible();
    widths[path] = await widthOf(page);
  }
  expect(widths).toEqual(Object.fromEntries(Object.keys(widths).map((p) => [p, 390])));
});
