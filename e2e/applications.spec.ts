import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { signIn } from './support/auth';
import { expect, test, uniqueSuffix, type Sql } from './support/db';
import { unusedIdNumber } from './support/ids';
import { insertReferenceHousehold } from './support/reference';

/** A Chinese name no other row holds: the run's unique suffix spelt in characters (names are Han only). */
function uniqueName(lead: string): string {
  const han = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬梅兰竹菊';
  return lead + [...uniqueSuffix()].map((c) => han[parseInt(c, 36) % han.length]).join('').slice(-4);
}

const masked = (id: string) => `${id.slice(0, 6)}********${id.slice(14)}`;

async function insertHousehold(sql: Sql, headName: string): Promise<{ id: string; idNumber: string }> {
  const [h] = await sql<{ id: string }[]>`
    insert into households (village_code, township_code, county_code, address, kind)
    values ('141130101200', '141130101', '141130', '康城村 9 号', 'rural') returning id`;
  const idNumber = await unusedIdNumber(sql, '141130', '19680315', '男');
  await sql`insert into members (household_id, name, id_number, birth_date, sex, relation, is_head) values (${h!.id}, ${headName}, ${idNumber}, '1968-03-15', '男', '本人', true)`;
  return { id: h!.id, idNumber };
}

/** An application straight in the table, registered (and perhaps decided) in May 2003: a month only this spec uses. */
async function insertApplication(sql: Sql, householdId: string, opts: { state: string; createdAt: string; decidedOn?: string; amountFen?: number }) {
  const [cw] = await sql<{ id: string }[]>`select id from users where username = 'caseworker'`;
  const [sv] = await sql<{ id: string }[]>`select id from users where username = 'supervisor'`;
  const decided = opts.decidedOn !== undefined;
  const [a] = await sql<{ id: string }[]>`
    insert into applications (kind, household_id, state, county_code, township_code, village_code, created_by, created_at, decided_by, decided_on, approved_amount_fen)
    values ('dibao_household', ${householdId}, ${opts.state}, '141130', '141130101', '141130101200', ${cw!.id}, ${opts.createdAt},
            ${decided ? sv!.id : null}, ${opts.decidedOn ?? null}, ${opts.amountFen ?? null})
    returning id`;
  return a!.id;
}

test('a supervisor filters the applications list by state and date, searches it by name, and exports what is shown', async ({ browser, sql }) => {
  const approvedName = uniqueName('蔺');
  const refusedName = uniqueName('覃');
  const approvedHh = await insertHousehold(sql, approvedName);
  const refusedHh = await insertHousehold(sql, refusedName);
  await insertApplication(sql, approvedHh.id, { state: 'approved', createdAt: '2003-05-06T02:00:00Z', decidedOn: '2003-05-20', amountFen: 245_200 });
  await insertApplication(sql, refusedHh.id, { state: 'refused', createdAt: '2003-05-07T02:00:00Z', decidedOn: '2003-05-21' });

  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await signIn(page, 'supervisor');
  await page.goto('/applications');
  await expect(page.getByRole('region', { name: '待我处理' })).toBeVisible(); // the queues stay

  const filters = page.getByRole('form', { name: '筛选申请' });
  const table = page.getByRole('table', { name: '申请列表' });
  await filters.getByLabel('申请日期（起）').fill('2003-05-01');
  await filters.getByLabel('申请日期（止）').fill('2003-05-31');
  await filters.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/submittedFrom=2003-05-01/);
  // Both of May 2003 first (the positive control), then only the approved one.
  await expect(table.getByRole('row', { name: new RegExp(refusedName) })).toContainText('不予批准');
  await expect(table.getByRole('row').filter({ hasText: approvedName })).toHaveCount(1);

  await filters.getByLabel('环节').selectOption({ label: '已批准' });
  await filters.getByRole('button', { name: '筛选' }).click();
  await expect(page).toHaveURL(/state=approved/);
  const row = table.getByRole('row', { name: new RegExp(approvedName) });
  await expect(row).toContainText(masked(approvedHh.idNumber));
  await expect(row).toContainText('2003-05-06');
  await expect(row).toContainText('2003-05-20');
  await expect(row).toContainText('李建国');
  await expect(row).toContainText('¥2,452.00');
  await expect(row).not.toContainText(approvedHh.idNumber);
  await expect(table.getByRole('row', { name: new RegExp(refusedName) })).toHaveCount(0);

  // The filtered list is its URL: opened afresh without JavaScript, it is the same list.
  const noJs = await browser.newContext({ javaScriptEnabled: false, storageState: await context.storageState() });
  const plain = await noJs.newPage();
  await plain.goto(page.url());
  await expect(plain.getByRole('table', { name: '申请列表' }).getByRole('row', { name: new RegExp(approvedName) })).toBeVisible();
  await expect(plain.getByRole('table', { name: '申请列表' }).getByRole('row', { name: new RegExp(refusedName) })).toHaveCount(0);
  await noJs.close();

  // The name search runs within the filters and stays out of the address bar.
  await filters.getByLabel('环节').selectOption({ label: '全部' });
  await filters.getByRole('button', { name: '筛选' }).click();
  await expect(table.getByRole('row', { name: new RegExp(refusedName) })).toBeVisible();
  const search = page.getByRole('search', { name: '查找申请' });
  await search.getByLabel('申请人或户主姓名、身份证号').fill(approvedName);
  await search.getByRole('button', { name: '查找' }).click();
  await expect(table.getByRole('row', { name: new RegExp(refusedName) })).toHaveCount(0);
  await expect(table.getByRole('row', { name: new RegExp(approvedName) })).toBeVisible();
  expect(decodeURIComponent(page.url())).not.toContain(approvedName);

  const download = page.waitForEvent('download');
  await search.getByRole('button', { name: '导出 Excel' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^申请列表导出-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync((await file.path())!) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('申请列表')!;
  expect(sheet.rowCount).toBe(2);
  expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([
    approvedName, approvedName, masked(approvedHh.idNumber), '低保（整户）', '康城镇', '康城村委会', '已批准', '2003-05-06', '2003-05-20', '李建国', 2452,
  ]);
  // The audit row is written once the last byte is out, which may be just after the download ends.
  await expect
    .poll(async () => {
      const [audit] = await sql<{ after: { rows: number; filter: Record<string, string> } }[]>`
        select after from audit_log where action = 'application.export' and after->'filter'->>'q' = ${approvedName} order by id desc limit 1`;
      return audit?.after ?? null;
    })
    .toMatchObject({ rows: 1, filter: { q: approvedName, submittedFrom: '2003-05-01' } });
  await context.close();
});

test('新建申请 from the household page opens the form for that household; the auditor is not offered it', async ({ browser, sql }) => {
  const householdId = await insertReferenceHousehold(sql);
  const cw = await browser.newContext();
  const caseworker = await cw.newPage();
  await signIn(caseworker, 'caseworker');
  await caseworker.goto(`/households/${householdId}`);
  await caseworker.getByRole('link', { name: '新建申请', exact: true }).click();
  await expect(caseworker.getByRole('heading', { name: '新建申请：穆小军户' })).toBeVisible();
  await caseworker.getByLabel('申请类型').selectOption('dibao_household');
  await caseworker.getByRole('button', { name: '创建申请' }).click();
  await expect(caseworker.getByRole('heading', { name: /低保（整户）：穆小军户/ })).toBeVisible();
  expect(await sql`select 1 from applications where household_id = ${householdId} and state = 'draft'`).toHaveLength(1);
  await cw.close();

  // The auditor reads the same household and may not enter applications: no button, and the form answers 未找到.
  const au = await browser.newContext();
  const auditor = await au.newPage();
  await signIn(auditor, 'auditor');
  await auditor.goto(`/households/${householdId}`);
  await expect(auditor.getByRole('heading', { name: '穆小军户' })).toBeVisible();
  await expect(auditor.getByRole('link', { name: '新建申请', exact: true })).toHaveCount(0);
  await auditor.goto('/applications');
  await expect(auditor.getByRole('heading', { name: '全部申请' })).toBeVisible();
  await expect(auditor.getByRole('link', { name: '新建申请', exact: true })).toHaveCount(0);
  await auditor.goto('/applications/new');
  await expect(auditor.getByRole('heading', { name: '未找到' })).toBeVisible();
  await au.close();
});

test('新建申请 on the applications list lets the caseworker find the household first', async ({ page, sql }) => {
  const name = uniqueName('庹');
  await insertHousehold(sql, name);
  await signIn(page, 'caseworker');
  await page.goto('/applications');
  await page.getByRole('link', { name: '新建申请', exact: true }).click();
  await expect(page.getByRole('heading', { name: '新建申请：选择家庭' })).toBeVisible();
  const search = page.getByRole('search', { name: '选择申请家庭' });
  await search.getByLabel('户主或成员姓名、身份证号或电话').fill(name);
  await search.getByRole('button', { name: '查找家庭' }).click();
  await page.getByRole('link', { name: `为${name}户新建申请` }).click();
  await expect(page.getByRole('heading', { name: `新建申请：${name}户` })).toBeVisible();
  await expect(page.getByLabel('申请类型')).toBeVisible();
});

test('the export route answers only a signed-in user, only from this site, and is never cached', async ({ page, playwright, baseURL }) => {
  const form = { submittedFrom: '2003-05-01', submittedTo: '2003-05-31' };
  const sameSite = { 'Sec-Fetch-Site': 'same-origin' };
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.post('/api/applications/export', { form, headers: sameSite })).status()).toBe(401);
  await anonymous.dispose();

  await signIn(page, 'supervisor');
  const ok = await page.request.post('/api/applications/export', { form, headers: sameSite });
  expect(ok.status()).toBe(200);
  expect(ok.headers()['content-type']).toContain('spreadsheetml');
  expect(ok.headers()['cache-control']).toContain('no-store');
  const cross = await page.request.post('/api/applications/export', { form, headers: { 'Sec-Fetch-Site': 'cross-site' } });
  expect(cross.status()).toBe(403);
});
