import fs from 'node:fs';
import { expect, test, type Sql } from './support/db';
import { signIn } from './support/auth';
import { confirmInDialog } from './support/confirm';
import { forgetPayoutRun, insertPayoutHousehold, PAYOUT_ACCOUNT, PAYOUT_COUNTY, PAYOUT_HEAD, payoutStaff } from './support/payouts';

const today = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());
/** 'YYYY-MM' moved by n months. */
const addMonths = (month: string, n: number) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const i = y * 12 + (m - 1) + n;
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`;
};
const nextMonth = () => addMonths(today().slice(0, 7), 1);

// This spec works in a county of its own (中阳县, see e2e/support/payouts.ts) with its own staff,
// so the county's run holds exactly what it seeded whatever the other specs did before.
let staff: { caseworker: string; supervisor: string; finance: string };
test.beforeAll(async ({ sql }) => {
  staff = await payoutStaff(sql);
});

/**
 * A household enrolled as a dibao decision on the reference case leaves it: from next month at
 * ¥2,452.00 (补差 2,010 + 分类施保 442, five covered), and the head's two disability subsidies
 * confirmed. Only this spec's own rows change: its earlier run of the month is removed and its
 * earlier households' enrollments end, so the run holds exactly this household.
 */
async function enrollHousehold(sql: Sql): Promise<string> {
  await forgetPayoutRun(sql, PAYOUT_COUNTY.code, nextMonth()); // a retry or repeat starts from no run
  const householdId = await insertPayoutHousehold(sql);
  const members = await sql<{ id: string; id_number: string; name: string }[]>`select id, id_number, name from members where household_id = ${householdId} order by sort_order`;
  const start = nextMonth();
  const enroll = async (program: string, memberId: string | null, fen: number, components: object, covered: { id: string; id_number: string }[], basic: boolean) => {
    const [e] = await sql<{ id: string }[]>`
      insert into enrollments (program, household_id, member_id, status, county_code, township_code, village_code, start_month)
      values (${program}, ${householdId}, ${memberId}, 'active', ${PAYOUT_COUNTY.code}, ${PAYOUT_COUNTY.township}, ${PAYOUT_COUNTY.village}, ${start}) returning id`;
    await sql`insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components) values (${e!.id}, ${start}, ${fen}, ${sql.json(components as never)})`;
    for (const m of covered) await sql`insert into enrollment_members (enrollment_id, member_id, id_number, basic_living) values (${e!.id}, ${m.id}, ${m.id_number}, ${basic})`;
  };
  await enroll('dibao', null, 245_200, { program: 'dibao', totalFen: 245_200, coveredMemberIds: members.map((m) => m.id), components: { gap: 201_000, classified: 44_200 }, standardFen: 40_200 }, members, true);
  const head = members.find((m) => m.name === PAYOUT_HEAD)!;
  await enroll('dis_living', head.id, 5_000, { dis_living: 5_000 }, [head], false);
  await enroll('dis_care', head.id, 5_000, { dis_care: 5_000 }, [head], false);
  return householdId;
}

test('a month’s run pays a household at the reference amounts, is approved by the supervisor, goes to the bank by finance and comes back paid', async ({ browser, sql }) => {
  test.setTimeout(90_000);
  const householdId = await enrollHousehold(sql);
  const month = nextMonth();

  // The caseworker generates the run for next month.
  const cw = await browser.newContext();
  const caseworker = await cw.newPage();
  await signIn(caseworker, staff.caseworker);
  await caseworker.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '资金发放' }).click();
  const start = caseworker.getByRole('form', { name: '生成发放批次' });
  await expect(start.getByLabel('县（区）')).toHaveValue(PAYOUT_COUNTY.code);
  await expect(start.getByLabel('发放月份')).toHaveValue(month);
  await start.getByRole('button', { name: '生成发放批次' }).click();
  await expect(caseworker.getByRole('heading', { name: `${PAYOUT_COUNTY.name} ${month} 发放批次` })).toBeVisible({ timeout: 30_000 });
  const lines = caseworker.getByRole('region', { name: '发放明细' }).getByRole('row').filter({ hasText: PAYOUT_HEAD });
  await expect(lines).toHaveCount(3);
  await expect(lines.filter({ hasText: '最低生活保障' })).toContainText('¥2,452.00');
  await expect(lines.filter({ hasText: '¥50.00' })).toHaveCount(2);
  await expect(caseworker.getByText('审批通过')).toHaveCount(0); // caseworkers do not approve
  const runUrl = caseworker.url();

  // The supervisor approves it through a confirmation that states the run and its money; the first
  // time they cancel (Escape) and nothing happens. The bank file is not theirs to send.
  const sv = await browser.newContext();
  const supervisor = await sv.newPage();
  await signIn(supervisor, staff.supervisor);
  await supervisor.goto(runUrl);
  const approve = supervisor.getByRole('form', { name: '审批发放批次' }).getByRole('button', { name: /审批通过/ });
  const dialog = supervisor.getByRole('dialog', { name: '确认审批发放批次' });
  const stated = `确认审批通过 ${PAYOUT_COUNTY.name} ${month} 发放批次：3 笔，¥2,552.00。审批后批次不再变更。`;
  await approve.click();
  await expect(dialog).toContainText(stated);
  await expect(dialog.getByRole('button', { name: '取消' })).toBeFocused();
  await supervisor.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(approve).toBeFocused(); // back where they were
  await supervisor.reload();
  await expect(supervisor.getByText('状态：草稿')).toBeVisible();
  await expect(approve).toBeVisible();
  await approve.click();
  await confirmInDialog(supervisor, '确认审批发放批次', stated);
  await expect(supervisor.getByText('状态：已审批')).toBeVisible();
  await expect(supervisor.getByRole('button', { name: /审批通过/ })).toHaveCount(0);
  await expect(supervisor.getByRole('button', { name: /下载银行文件/ })).toHaveCount(0);
  // With the Origin a browser's form would carry (a POST without one is refused as cross-site): the role is what refuses it.
  const refused = await supervisor.request.post(`${new URL(runUrl).pathname.replace('/payouts/', '/api/payouts/')}/bank-file`, {
    form: { format: 'csv' },
    headers: { Origin: new URL(runUrl).origin },
    maxRedirects: 0,
  });
  expect(refused.status(), 'a supervisor posting for the bank file').toBe(404);

  // Finance (资金发放员) downloads the bank file and imports the bank's answer.
  const fin = await browser.newContext({ acceptDownloads: true });
  const finance = await fin.newPage();
  await signIn(finance, staff.finance);
  await finance.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '资金发放' }).click();
  await finance.getByRole('region', { name: '发放批次' }).getByRole('row').filter({ hasText: PAYOUT_COUNTY.name }).filter({ hasText: month }).getByRole('link', { name: month }).click();
  await expect(finance.getByRole('heading', { name: `${PAYOUT_COUNTY.name} ${month} 发放批次` })).toBeVisible();
  await expect(finance.getByRole('button', { name: /审批通过/ })).toHaveCount(0); // finance approves nothing
  const [download] = await Promise.all([finance.waitForEvent('download'), finance.getByRole('button', { name: '下载银行文件（CSV）' }).click()]);
  const bankFile = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').trim().split('\r\n').map((l) => l.split(','));
  expect(bankFile[0]).toEqual(['序号', '收款人', '身份证号', '开户银行', '账户类型', '账号', '金额（元）', '摘要']);
  const rows = bankFile.slice(1, -1);
  expect(rows.map((r) => r[6]).sort()).toEqual(['2452.00', '50.00', '50.00']);
  expect(rows.map((r) => r[5])).toEqual([PAYOUT_ACCOUNT, PAYOUT_ACCOUNT, PAYOUT_ACCOUNT]);
  expect(rows.every((r) => /^141129\*{8}\d{3}[\dX]$/.test(r[2]!))).toBe(true); // the head's ID, masked
  expect(bankFile.at(-1)!.slice(0, 2)).toEqual(['合计', '3']);
  expect(bankFile.at(-1)![6]).toBe('2552.00');
  expect(bankFile.at(-1)).toEqual(['合计', '3', '', '', '', '', '2552.00', `${PAYOUT_COUNTY.name} ${month} 发放批次 ${new URL(runUrl).pathname.split('/').pop()}`]);

  // A return file that does not match (a wrong amount, a line of no run) is refused whole.
  await finance.reload();
  const upload = async (text: string) => {
    await finance.getByLabel('银行回盘文件（CSV）').setInputFiles({ name: 'return.csv', mimeType: 'text/csv', buffer: Buffer.from(text) });
    await finance.getByRole('button', { name: '导入回盘' }).click();
  };
  await upload(['序号,账号,金额,结果,原因', `${rows[0]![0]},${rows[0]![5]},1.00,成功,`, `999999999,${rows[0]![5]},50.00,成功,`].join('\r\n'));
  await expect(finance.getByText(/回盘文件有 2 处与本批次不符，整个文件未导入/)).toBeVisible();
  const report = finance.getByRole('table', { name: /回盘文件错误明细/ });
  await expect(report.getByRole('row').filter({ hasText: '金额不符' })).toContainText(rows[0]![0]!);
  await expect(report.getByRole('row').filter({ hasText: '序号不属于本批次' })).toContainText('999999999');

  // The bank's real return file: all paid.
  await upload(['序号,账号,金额,结果,原因', ...rows.map((r) => `${r[0]},${r[5]},${r[6]},成功,`)].join('\r\n'));
  await expect(finance.getByRole('status').filter({ hasText: '已导入' })).toContainText('成功 3 笔 ¥2,552.00');
  await expect(finance.getByRole('status').filter({ hasText: '已导入' })).toContainText('批次已对账');
  // Once reconciled the page refreshes: the form is gone, the confirmation and the import's record stay.
  await expect(finance.getByRole('button', { name: '导入回盘' })).toHaveCount(0);
  await expect(finance.getByRole('status').filter({ hasText: '已导入' })).toContainText('成功 3 笔 ¥2,552.00');
  await expect(finance.getByRole('region', { name: '银行回盘' })).toContainText('导入 return.csv：成功 3 笔 ¥2,552.00，失败 0 笔 ¥0.00');

  // The household page shows the payment.
  await caseworker.goto(`/households/${householdId}`);
  const history = caseworker.getByRole('region', { name: '发放记录' });
  const dibao = history.getByRole('row').filter({ hasText: '最低生活保障' });
  await expect(history).toContainText(month);
  await expect(dibao).toContainText('¥2,452.00');
  await expect(dibao).toContainText('已支付');
  await expect(history.getByRole('row').filter({ hasText: '已支付' })).toHaveCount(3);
});

test('a caseworker records 补发 for a missed month, a too-short reason is refused, and withdrawing it with a reason keeps it as 已撤销', async ({ browser, sql }) => {
  // Enrolled since last month; this month's payment was never made.
  const householdId = await enrollHousehold(sql);
  const thisMonth = today().slice(0, 7);
  const lastMonth = addMonths(thisMonth, -1);
  await sql`update enrollment_amounts set effective_month = ${lastMonth} where enrollment_id in (select id from enrollments where household_id = ${householdId})`;
  await sql`update enrollments set start_month = ${lastMonth} where household_id = ${householdId}`;
  const cw = await browser.newContext();
  const caseworker = await cw.newPage();
  await signIn(caseworker, staff.caseworker);
  await caseworker.goto(`/households/${householdId}`);
  const history = caseworker.getByRole('region', { name: '发放记录' });
  await history.getByText('补发或扣回', { exact: true }).click(); // the form folds open
  const form = history.getByRole('form', { name: '补发或扣回' });
  await form.getByLabel('救助项目').selectOption({ label: '最低生活保障' });
  await form.getByLabel('调整类型').selectOption('arrears');
  await expect(form.getByLabel('随哪个月发放')).toHaveValue(nextMonth());
  await form.getByLabel('漏发的月份').fill(thisMonth);
  await form.getByLabel('补发金额（元）').fill('2,452');
  await form.getByLabel('原因').fill('系统故障漏发一个月');
  await form.getByRole('button', { name: '登记调整' }).click();
  await expect(form.getByRole('status')).toContainText('已登记');

  const table = history.getByRole('table', { name: '补发与扣回' });
  const row = table.getByRole('row').filter({ hasText: '系统故障漏发一个月' });
  await expect(row).toContainText('¥2,452.00');
  await expect(row).toContainText('待生成发放批次');
  if (process.env.SHOT_DIR) await history.screenshot({ path: `${process.env.SHOT_DIR}/adjustment-open.png` });

  const cancel = row.getByRole('form', { name: /^撤销补发/ });
  await cancel.getByLabel('撤销原因').fill('重');
  await cancel.getByRole('button', { name: '撤销' }).click();
  await expect(cancel.getByText('请写明撤销原因（至少 4 个字）')).toBeVisible(); // refused at the field
  await expect(cancel.getByLabel('撤销原因')).toHaveAttribute('aria-invalid', 'true');
  await expect(row).toContainText('待生成发放批次');
  await cancel.getByLabel('撤销原因').fill('该月已线下补发，重复登记');
  await cancel.getByRole('button', { name: '撤销' }).click();
  await expect(row).toContainText('已撤销');
  await expect(row).toContainText('撤销原因：该月已线下补发，重复登记');
  if (process.env.SHOT_DIR) await history.screenshot({ path: `${process.env.SHOT_DIR}/adjustment-cancelled.png` });
});
