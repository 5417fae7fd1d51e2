import { signIn } from './support/auth';
import { expect, test, type Sql } from './support/db';

// The start page by role: each role sees its own section, by heading and by task, and not the
// others'. Runs written here are in 2012, a year no other spec pays.
const SECTIONS = ['今天待我处理', '待我审批', '待我办理的发放', '监督检查', '系统管理'];

async function runOf(sql: Sql, month: string, state: string): Promise<string> {
  const [preparer] = await sql<{ id: string }[]>`select id from users where username = 'caseworker'`;
  await sql`insert into payout_runs (county_code, month, state, prepared_by, generated_at, approved_at)
    values ('141130', ${month}, ${state}, ${preparer!.id}, now() - interval '2 days', ${state === 'draft' ? null : new Date(Date.now() - 86_400_000)})
    on conflict (county_code, month) do nothing`;
  const [r] = await sql<{ id: string }[]>`select id from payout_runs where county_code = '141130' and month = ${month}`;
  return r!.id;
}

async function onlySection(page: import('@playwright/test').Page, title: string) {
  await expect(page.getByRole('heading', { name: '工作台', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  for (const other of SECTIONS.filter((s) => s !== title)) await expect(page.getByRole('heading', { name: other, level: 2 })).toHaveCount(0);
  return page.getByRole('region', { name: title });
}

test('the caseworker sees what needs their step, each with its count and a link', async ({ page, sql }) => {
  await signIn(page, 'caseworker');
  const mine = await onlySection(page, '今天待我处理');
  for (const label of ['待我办理的申请（受理、入户调查、乡镇审核、公示）', '先行救助待补齐手续（情况说明）', '复核到期（30 天内）与逾期', '账户变更待我复核（他人录入）', '银行退回（发放失败）待处理', '发放受阻：账户变更待复核']) {
    await expect(mine.getByRole('listitem', { name: new RegExp(`^${label.replace(/[()（）]/g, '.')}：\\d`) })).toBeVisible();
  }
  await mine.getByRole('link', { name: '去补齐：先行救助待补齐手续（情况说明）' }).click();
  await expect(page).toHaveURL(/\/temp-aid\?kind=first_response&state=paid_awaiting_completion$/);

  // caseworker2's township: the first steps while it has no household, and not once it has one.
  const [{ n }] = (await sql<{ n: number }[]>`select count(*)::int as n from households where township_code = '141128102'`) as unknown as [{ n: number }];
  await page.getByRole('button', { name: '退出登录' }).click();
  await signIn(page, 'caseworker2');
  const start = page.getByRole('region', { name: '从这里开始' });
  if (n === 0) {
    await expect(start.getByRole('link', { name: '登记家庭' })).toHaveAttribute('href', '/households/new');
    await expect(start.getByRole('link', { name: '先行救助' })).toHaveAttribute('href', '/temp-aid/new');
  } else {
    await expect(start).toHaveCount(0);
  }
});

test('the supervisor sees the decisions waiting, a run to approve among them', async ({ page, sql }) => {
  await runOf(sql, '2012-01', 'draft');
  await signIn(page, 'supervisor');
  const decisions = await onlySection(page, '待我审批');
  for (const label of ['申请待县级审批（公示期满）', '先行救助待办结确认', '在册变更待审批', '残疾人补贴待确认']) {
    await expect(decisions.getByRole('listitem', { name: new RegExp(`^${label.replace(/[()（）]/g, '.')}：\\d`) })).toBeVisible();
  }
  await expect(decisions.getByRole('listitem', { name: /^发放批次待审批：[1-9]/ })).toContainText(/最久已等 \d+ 天/);
  await expect(decisions.getByRole('link', { name: '去审批：发放批次待审批' })).toBeVisible();
});

test('finance sees the approved runs waiting for the bank file and those waiting for the return file', async ({ page, sql }) => {
  await runOf(sql, '2012-02', 'approved');
  await signIn(page, 'finance');
  const bank = await onlySection(page, '待我办理的发放');
  await expect(bank.getByRole('listitem', { name: /^已审批批次待生成银行代发文件：[1-9]/ })).toBeVisible();
  await expect(bank.getByRole('listitem', { name: /^已送银行批次待导入回盘文件：\d/ })).toBeVisible();
  await bank.getByRole('link', { name: '去生成：已审批批次待生成银行代发文件' }).click();
  await expect(page).toHaveURL(/\/payouts(\/[0-9a-f-]{36})?$/);
});

test('the auditor sees the audit views: today’s log, the late entries, the reports', async ({ page }) => {
  await signIn(page, 'auditor');
  const oversight = await onlySection(page, '监督检查');
  await expect(oversight.getByRole('listitem', { name: /^今日登录记录：[1-9]/ })).toBeVisible(); // this sign-in, at least
  await expect(oversight.getByRole('listitem', { name: /^补录未经审批人核实：\d/ })).toBeVisible();
  await expect(oversight.getByRole('link', { name: '补录情况', exact: true })).toHaveAttribute('href', '/reports/late-entries');
  await oversight.getByRole('link', { name: '查看登录记录：今日登录记录' }).click();
  await expect(page).toHaveURL(/\/audit\?tab=signins&from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByRole('table', { name: '登录记录' })).toBeVisible();
});

test('the admin sees users, policy standards and the working calendar', async ({ page }) => {
  await signIn(page, 'admin');
  const system = await onlySection(page, '系统管理');
  await expect(system.getByRole('listitem', { name: /^启用的用户：[1-9]/ })).toBeVisible();
  await expect(system.getByRole('listitem', { name: /^正遭密码猜测而锁定的账户：\d/ })).toBeVisible();
  await expect(system.getByRole('listitem', { name: /^尚未修改临时密码的用户：\d/ })).toBeVisible();
  await expect(system.getByRole('listitem', { name: /^政策标准：[1-9]/ })).toBeVisible();
  await expect(system.getByRole('listitem', { name: /^工作日历：/ })).toBeVisible();
  await system.getByRole('link', { name: '工作日历：工作日历' }).click();
  await expect(page).toHaveURL(/\/admin\/calendar$/);
});
