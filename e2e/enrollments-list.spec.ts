import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { signIn } from './support/auth';
import { expect, test, uniqueSuffix, type Sql } from './support/db';
import { unusedIdNumber } from './support/ids';

/** A Chinese name no other row holds: the run's unique suffix spelt in characters (names are Han only). */
function uniqueName(lead: string): string {
  const han = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬梅兰竹菊';
  return lead + [...uniqueSuffix()].map((c) => han[parseInt(c, 36) % han.length]).join('').slice(-4);
}

/** A household of 康城村 with its head and one enrollment registered now (the newest on the list), with its amount row. */
async function insertEnrolled(sql: Sql, headName: string, program: string, amountFen: number): Promise<string> {
  const [h] = await sql<{ id: string }[]>`
    insert into households (village_code, township_code, county_code, address, kind)
    values ('141130101200', '141130101', '141130', '康城村 12 号', 'rural') returning id`;
  const idNumber = await unusedIdNumber(sql, '141130', '19580315', '男');
  const [m] = await sql<{ id: string }[]>`insert into members (household_id, name, id_number, birth_date, sex, relation, is_head)
    values (${h!.id}, ${headName}, ${idNumber}, '1958-03-15', '男', '本人', true) returning id`;
  const [e] = await sql<{ id: string }[]>`
    insert into enrollments (program, household_id, member_id, status, county_code, township_code, village_code, start_month, next_review_on)
    values (${program}, ${h!.id}, ${program === 'dibao' ? null : m!.id}, 'active', '141130', '141130101', '141130101200', '2026-01', '2027-01-31')
    returning id`;
  await sql`insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components) values (${e!.id}, '2026-01', ${amountFen}, '{}'::jsonb)`;
  return h!.id;
}

test('a supervisor filters the beneficiaries list by program, searches it by name and exports what is shown', async ({ browser, sql }) => {
  const tekunName = uniqueName('蔺');
  const dibaoName = uniqueName('覃');
  const tekunHousehold = await insertEnrolled(sql, tekunName, 'tekun', 98_000);
  await insertEnrolled(sql, dibaoName, 'dibao', 245_200);

  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, 'supervisor');
  await page.goto('/enrollments');
  await page.getByRole('link', { name: '查看在册名单' }).click();
  await expect(page.getByRole('heading', { name: '在册名单', level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: '在册名单' });
  await expect(table.getByRole('row', { name: new RegExp(dibaoName) })).toBeVisible();

  // 项目: 特困 only.
  const filters = page.getByRole('form', { name: '筛选在册名单' });
  await filters.getByLabel('项目').selectOption({ label: '特困' });
  await filters.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/program=tekun/);
  const row = table.getByRole('row', { name: new RegExp(tekunName) });
  await expect(row).toContainText('特困');
  await expect(row).toContainText('在册');
  await expect(row).toContainText('康城镇');
  await expect(row).toContainText('¥980.00');
  await expect(row).toContainText('2027-01-31');
  await expect(row.getByRole('link', { name: tekunName })).toHaveAttribute('href', `/households/${tekunHousehold}`);
  await expect(table.getByRole('row', { name: new RegExp(dibaoName) })).toHaveCount(0);

  // A bad amount range is refused by its field, in Chinese.
  await filters.getByLabel('月金额（起，元）').fill('900');
  await filters.getByLabel('月金额（止，元）').fill('800');
  await filters.getByRole('button', { name: '筛选' }).click();
  await expect(filters.getByLabel('月金额（止，元）')).toHaveAccessibleDescription('月金额（止）不能小于月金额（起）');
  await expect(table.getByRole('row', { name: new RegExp(tekunName) })).toHaveCount(0);

  // The name search runs within the filters and stays out of the address bar.
  await filters.getByLabel('项目').selectOption({ label: '全部' });
  await filters.getByLabel('月金额（起，元）').fill('2000');
  await filters.getByLabel('月金额（止，元）').fill('');
  await filters.getByRole('button', { name: '筛选' }).click();
  await expect(table.getByRole('row', { name: new RegExp(dibaoName) })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(tekunName) })).toHaveCount(0);
  const search = page.getByRole('search', { name: '查找在册对象' });
  await search.getByLabel('户主或保障对象姓名、身份证号').fill(dibaoName);
  await search.getByRole('button', { name: '查找' }).click();
  await expect(page.getByRole('status')).toHaveText('找到 1 条');
  await expect(table.getByRole('row', { name: new RegExp(dibaoName) })).toContainText('¥2,452.00');
  expect(decodeURIComponent(page.url())).not.toContain(dibaoName);

  const download = page.waitForEvent('download');
  await search.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^在册名单导出-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync((await file.path())!) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('在册名单')!;
  expect(sheet.rowCount).toBe(2);
  expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([dibaoName, undefined, '低保', '在册', '康城镇', '2026-01', 2452, '2027-01-31']);
  // The audit row is written once the last byte is out, which may be just after the download ends.
  await expect
    .poll(async () => {
      const [audit] = await sql<{ after: { rows: number; filter: Record<string, string> } }[]>`
        select after from audit_log where action = 'enrollment.export' and after->'filter'->>'q' = ${dibaoName} order by id desc limit 1`;
      return audit?.after ?? null;
    })
    .toMatchObject({ rows: 1, filter: { q: dibaoName, amountFrom: '2000' } });
  await context.close();
});

test('another county’s caseworker finds nothing of 交口县 on the list, the nav offers it to roles that read rolls', async ({ browser, sql }) => {
  const name = uniqueName('郄');
  await insertEnrolled(sql, name, 'dibao', 50_000);
  const own = await browser.newContext();
  const mine = await own.newPage();
  await signIn(mine, 'caseworker');
  const nav = mine.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '在册名单', exact: true }).click();
  await expect(nav.getByRole('link', { name: '在册名单', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(nav.getByRole('link', { name: '在册管理', exact: true })).not.toHaveAttribute('aria-current', 'page');
  await mine.getByRole('search', { name: '查找在册对象' }).getByLabel('户主或保障对象姓名、身份证号').fill(name);
  await mine.getByRole('search', { name: '查找在册对象' }).getByRole('button', { name: '查找' }).click();
  await expect(mine.getByRole('table', { name: '在册名单' }).getByRole('row', { name: new RegExp(name) })).toBeVisible(); // the positive control
  await own.close();

  const other = await browser.newContext();
  const theirs = await other.newPage();
  await signIn(theirs, 'caseworker2');
  await theirs.goto('/enrollments/list');
  await theirs.getByRole('search', { name: '查找在册对象' }).getByLabel('户主或保障对象姓名、身份证号').fill(name);
  await theirs.getByRole('search', { name: '查找在册对象' }).getByRole('button', { name: '查找' }).click();
  await expect(theirs.getByRole('status')).toHaveText('找到 0 条');
  await expect(theirs.getByText('没有符合条件的在册对象。')).toBeVisible();
  await other.close();
});
