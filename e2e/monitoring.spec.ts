// 监测预警 from a death file (公安 / 殡葬): a file with one bad line is refused whole; the good one
// raises the alert for the paid household, whose outcome is recorded; and the next payout run
// flags and holds the household's line, the supervisor seeing why (the date from the file).
import { expect, test } from './support/db';
import { signIn } from './support/auth';
import { forgetPayoutRun, insertEnrolledPayoutHousehold, PAYOUT_COUNTY, PAYOUT_HEAD, payoutStaff } from './support/payouts';

const MONTH = '2016-04'; // a past month of its own (the sweep spec takes 2016-03)

test('a death file: refused whole for a bad line, then an alert, its outcome, and the next run flags the line', async ({ browser, sql }) => {
  test.setTimeout(120_000);
  const staff = await payoutStaff(sql);
  await forgetPayoutRun(sql, PAYOUT_COUNTY.code, MONTH);
  const { members } = await insertEnrolledPayoutHousehold(sql);
  const dead = members[1]!;

  const cw = await (await browser.newContext()).newPage();
  await signIn(cw, staff.caseworker);
  await cw.getByRole('navigation').getByRole('link', { name: '监测预警' }).click();
  await cw.getByRole('link', { name: '导入比对数据' }).click();
  const form = cw.getByRole('form', { name: '导入比对数据' });
  await form.getByLabel('比对数据类型').selectOption({ label: '死亡人员（公安、殡葬）' });
  const csv = (lines: string[]) => ({ name: 'deaths.csv', mimeType: 'text/csv', buffer: Buffer.from(`${lines.join('\n')}\n`, 'utf8') });
  await form.getByLabel('文件').setInputFiles(csv(['身份证号,姓名,死亡日期', `${dead.id_number},${dead.name},2016-03-20`, `${dead.id_number},${dead.name},2016-02-30`]));
  await form.getByRole('button', { name: '开始导入' }).click();
  await expect(cw.getByRole('status')).toContainText('文件有 1 处错误，未导入任何数据');
  const errors = cw.getByRole('table', { name: '错误明细' });
  await expect(errors.getByRole('row', { name: /2016-02-30/ })).toContainText('死亡日期');
  expect((await sql`select 1 from death_reports where id_number = ${dead.id_number}`).length).toBe(0);

  await form.getByLabel('文件').setInputFiles(csv(['身份证号,姓名,死亡日期', `${dead.id_number},${dead.name},2016-03-20`]));
  await form.getByRole('button', { name: '开始导入' }).click();
  await expect(cw.getByRole('status')).toContainText('已导入 1 行，产生预警 1 条。');
  await cw.getByRole('link', { name: '查看预警' }).click();
  const alerts = cw.getByRole('table', { name: '预警列表' });
  const alert = alerts.getByRole('row').filter({ hasText: '死亡日期 2016-03-20' });
  await expect(alert).toContainText('在保家庭成员死亡');
  await alert.getByRole('link', { name: dead.name }).click();
  const outcome = cw.getByRole('form', { name: '登记处理结果' });
  await outcome.getByLabel('处理结果').selectOption({ label: '无需救助' });
  await outcome.getByRole('button', { name: '提交' }).click();
  await expect(outcome.getByText('选择“无需救助”时须填写理由').last()).toBeVisible();
  await outcome.getByLabel(/说明/).fill('成员已死亡，已提请重新核定家庭保障金额');
  await outcome.getByRole('button', { name: '提交' }).click();
  await expect(cw.getByText('无需救助：成员已死亡，已提请重新核定家庭保障金额')).toBeVisible();

  // The registry still has the member alive; the next run flags the line from the death file.
  await cw.goto('/payouts');
  const start = cw.getByRole('form', { name: '生成发放批次' });
  await start.getByLabel('发放月份').fill(MONTH);
  await start.getByRole('button', { name: '生成发放批次' }).click();
  await expect(cw.getByRole('heading', { name: `${PAYOUT_COUNTY.name} ${MONTH} 发放批次` })).toBeVisible({ timeout: 30_000 });
  const runUrl = cw.url();

  const sv = await (await browser.newContext()).newPage();
  await signIn(sv, staff.supervisor);
  await sv.goto(runUrl);
  const row = sv.getByRole('table', { name: /数据核查/ }).getByRole('row').filter({ hasText: PAYOUT_HEAD }).filter({ hasText: '死亡日期 2016-03-20' });
  await expect(row).toContainText('成员已死亡');
  await expect(row).toContainText(`${dead.name}（身份证号`);
});
