import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { signIn } from './support/auth';
import { expect, test, type Sql } from './support/db';
import { insertReferenceHousehold } from './support/reference';

const thisMonth = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date()).slice(0, 7);
const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

/**
 * The reference household's first paid month, as the payout run leaves it once the bank's return
 * file is in: 交口县's run of this month, reconciled, with its dibao line of ¥2,452.00 (five
 * persons) paid; then the summary refreshed as the payout verbs do.
 */
async function referencePaid(sql: Sql, month: string): Promise<void> {
  const householdId = await insertReferenceHousehold(sql);
  const [e] = await sql<{ id: string }[]>`
    insert into enrollments (program, household_id, status, county_code, township_code, village_code, start_month)
    values ('dibao', ${householdId}, 'active', '141130', '141130101', '141130101200', ${month}) returning id`;
  const [preparer] = await sql<{ id: string }[]>`select id from users where username = 'caseworker'`;
  await sql`insert into payout_runs (county_code, month, state, prepared_by, generated_at, approved_at, exported_at, reconciled_at)
    values ('141130', ${month}, 'reconciled', ${preparer!.id}, now(), now(), now(), now()) on conflict (county_code, month) do nothing`;
  const [run] = await sql<{ id: string; state: string }[]>`select id, state from payout_runs where county_code = '141130' and month = ${month}`;
  await sql`insert into payout_lines (run_id, kind, program, enrollment_id, household_id, month, persons, amount_fen, components,
      bank_name, bank_account_kind, bank_account, bank_account_holder, status, county_code, township_code, village_code)
    values (${run!.id}, 'enrollment', 'dibao', ${e!.id}, ${householdId}, ${month}, 5, 245200, ${sql.json({ gap: 201000, classified: 44200 })},
      '交口县农村信用合作联社', 'card', '6228480470000001235', '穆小军', 'paid', '141130', '141130101', '141130101200')`;
  await sql`select doudi_refresh_payout_summary(${run!.id})`;
}

/** Money paid in a county or township this month, from the lines themselves, and its rural dibao households. */
async function paidIn(sql: Sql, region: string, month: string): Promise<{ fen: number; dibaoFen: number; households: number }> {
  const [r] = await sql<{ fen: string; dibao: string; households: string }[]>`
    select coalesce(sum(l.amount_fen) filter (where l.status = 'paid'), 0) as fen,
      coalesce(sum(l.amount_fen) filter (where l.status = 'paid' and l.program = 'dibao'), 0) as dibao,
      count(distinct l.household_id) filter (where l.kind = 'enrollment' and l.program = 'dibao' and h.kind = 'rural') as households
    from payout_lines l join payout_runs r on r.id = l.run_id and r.state <> 'draft' join households h on h.id = l.household_id
    where (l.county_code = ${region} or l.township_code = ${region}) and l.month = ${month}`;
  return { fen: Number(r!.fen), dibaoFen: Number(r!.dibao), households: Number(r!.households) };
}

test('the supervisor’s dashboard shows the reference household’s first paid month in the 交口县 figures', async ({ page, sql }) => {
  const month = thisMonth();
  await referencePaid(sql, month);
  const expected = await paidIn(sql, '141130', month);
  expect(expected.fen).toBeGreaterThanOrEqual(245200);

  await signIn(page, 'supervisor');
  await expect(page.getByRole('heading', { name: '工作台' })).toBeVisible();
  await expect(page.getByRole('heading', { name: `保障对象（${month} 发放名册，最近一个已审批的月份）` })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`^农村低保：${expected.households} 户`) })).toBeVisible();
  const paid = page.getByRole('link', { name: `本月（${month}）已发放：${yuan(expected.fen)}，查看明细` });
  await expect(paid).toBeVisible();

  // The chart has a table view with the same figures.
  const trend = page.getByRole('region', { name: '近 12 个月趋势' });
  await trend.getByRole('button', { name: '以表格显示' }).click();
  await expect(trend.getByRole('row').filter({ hasText: month })).toContainText(yuan(expected.dibaoFen));

  // The figure opens the lines behind it: the reference household's ¥2,452.00, account masked.
  await paid.click();
  await expect(page.getByRole('heading', { name: '发放明细' })).toBeVisible();
  const row = page.getByRole('row').filter({ hasText: '穆小军' }).filter({ hasText: '¥2,452.00' });
  await expect(row).toBeVisible();
  await expect(row).toContainText('6228 **** **** 1235');
  await expect(page.getByText('6228480470000001235')).toHaveCount(0);
});

test('a caseworker of 方山县 sees none of 交口县’s money', async ({ page, sql }) => {
  const month = thisMonth();
  const own = await paidIn(sql, '141128102', month);
  await signIn(page, 'caseworker2');
  await expect(page.getByRole('link', { name: `本月（${month}）已发放：${yuan(own.fen)}，查看明细` })).toBeVisible();
  await page.goto(`/reports/lines?month=${month}&county=141130`);
  await expect(page.getByText('没有符合条件的发放记录。')).toBeVisible();
});

test('the monthly notice exports to an XLSX that opens with the notice totals', async ({ page, sql }) => {
  const month = thisMonth();
  const expected = await paidIn(sql, '141130', month);
  await signIn(page, 'auditor');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '统计报表' }).click();
  await page.getByLabel('月份', { exact: true }).fill(month);
  await page.getByRole('button', { name: '查看月通报' }).click();
  await expect(page.getByRole('heading', { name: '吕梁市困难群众生活救助资金发放月通报' })).toBeVisible();
  await expect(page.getByRole('link', { name: new RegExp(`^交口县 小计 已发放 ${yuan(expected.fen).slice(1)}`) })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 Excel' }).click();
  const file = await (await download).path();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  const sheet = book.getWorksheet('月通报')!;
  expect(sheet.getCell('A1').value).toBe('吕梁市困难群众生活救助资金发放月通报');
  const header = sheet.getRow(4).values as unknown[];
  const paidCol = header.indexOf('已发放');
  let subtotal: ExcelJS.Row | undefined;
  sheet.eachRow((r) => {
    if (r.getCell(1).value === '交口县' && r.getCell(2).value === '小计') subtotal = r;
  });
  expect(subtotal, '交口县 小计 row').toBeDefined();
  expect(subtotal!.getCell(paidCol).value).toBe(expected.fen / 100);
  expect(sheet.pageSetup.orientation).toBe('landscape');
});
