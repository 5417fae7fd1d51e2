// 数据核查: a member recorded dead in the registry; the next run flags the household's line and
// holds it, and the supervisor sees why on the run page, with approval asking for a reason.
import { expect, test } from './support/db';
import { signIn } from './support/auth';
import { forgetPayoutRun, insertEnrolledPayoutHousehold, PAYOUT_COUNTY, PAYOUT_HEAD, payoutStaff } from './support/payouts';

const MONTH = '2016-03'; // a past month of its own: the payout spec works on next month

test('a member recorded dead: the next run flags and holds the line, the supervisor sees why', async ({ browser, sql }) => {
  test.setTimeout(90_000);
  const staff = await payoutStaff(sql);
  await forgetPayoutRun(sql, PAYOUT_COUNTY.code, MONTH);
  const { members } = await insertEnrolledPayoutHousehold(sql);
  const dead = members[1]!;
  await sql`update members set status = 'deceased', left_on = '2016-02-10' where id = ${dead.id}`;

  const cw = await (await browser.newContext()).newPage();
  await signIn(cw, staff.caseworker);
  await cw.goto('/payouts');
  const start = cw.getByRole('form', { name: '生成发放批次' });
  await start.getByLabel('发放月份').fill(MONTH);
  await start.getByRole('button', { name: '生成发放批次' }).click();
  await expect(cw.getByRole('heading', { name: `${PAYOUT_COUNTY.name} ${MONTH} 发放批次` })).toBeVisible({ timeout: 30_000 });
  const runUrl = cw.url();

  const sv = await (await browser.newContext()).newPage();
  await signIn(sv, staff.supervisor);
  await sv.goto(runUrl);
  const flags = sv.getByRole('table', { name: /数据核查/ });
  const row = flags.getByRole('row').filter({ hasText: PAYOUT_HEAD });
  await expect(row).toContainText('成员已死亡');
  await expect(row).toContainText(`${dead.name}（身份证号`);
  await expect(row).toContainText('死亡日期 2016-02-10');
  const line = sv.getByRole('table', { name: '发放明细' }).getByRole('row').filter({ hasText: PAYOUT_HEAD });
  await expect(line).toContainText('受阻：数据核查待处理：成员已死亡');
  await expect(sv.getByRole('form', { name: '审批发放批次' }).getByLabel(/数据核查未解决/)).toBeVisible();
});
