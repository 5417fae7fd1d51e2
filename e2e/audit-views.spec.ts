// 审计视图: the auditor reaches the views from the navigation; each view is a section of its own,
// a bad filter is refused at its field in Chinese and the lists stay as they were asked.
import { expect, test } from './support/db';
import { signIn } from './support/auth';

test('an auditor opens 审计视图: four views, a refused filter at its field, reveals by user linked to the log', async ({ page, sql }) => {
  const [cw] = await sql<{ id: string }[]>`select id from users where username = 'caseworker'`;
  await sql`insert into audit_log (actor_id, actor_name, action, entity, entity_id, region_code, at)
    values (${cw!.id}, '王晓梅', 'member.reveal_id', 'member', 'e2e-audit-views', '141130101200', '2008-06-10T04:00:00Z')`;
  await signIn(page, 'auditor');
  await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '审计视图' }).click();
  await expect(page.getByRole('heading', { name: '审计视图', level: 1 })).toBeVisible();
  for (const title of [/同一人经办多个环节/, /发放前变更银行账户/, /已故成员仍在发放/, /查看完整身份证号（按用户）/]) {
    await expect(page.getByRole('heading', { name: title, level: 2 })).toBeVisible();
  }
  const form = page.getByRole('form', { name: '审计视图条件' });
  await form.getByLabel('变更账户距生成批次（天内）').fill('0');
  await form.getByRole('button', { name: '查询' }).click();
  await expect(form.getByText('天数请填写 1 到 365 的整数')).toBeVisible();

  await form.getByLabel('变更账户距生成批次（天内）').fill('30');
  await form.getByLabel('查看身份证号：开始日期').fill('2008-06-01');
  await form.getByLabel('结束日期').fill('2008-06-30');
  await form.getByRole('button', { name: '查询' }).click();
  const reveals = page.getByRole('table', { name: /查看完整身份证号/ });
  const row = reveals.getByRole('row').filter({ hasText: '王晓梅' });
  await expect(row).toContainText('1');
  await row.getByRole('link', { name: '明细（王晓梅）' }).click();
  await expect(page).toHaveURL(/\/audit\?.*action=member\.reveal_id/);
  await expect(page.getByRole('table', { name: '操作记录' }).getByRole('row').filter({ hasText: '查看完整身份证号' })).toHaveCount(1);
});

test('a payout run’s page ends with its 历史记录, in Chinese', async ({ page, sql }) => {
  const [cw] = await sql<{ id: string }[]>`select id from users where username = 'caseworker'`;
  await sql`insert into payout_runs (county_code, month, state, prepared_by, generated_at)
    values ('141130', '2008-03', 'draft', ${cw!.id}, now()) on conflict (county_code, month) do nothing`;
  const [run] = await sql<{ id: string }[]>`select id from payout_runs where county_code = '141130' and month = '2008-03'`;
  await sql`insert into audit_log (actor_id, actor_name, action, entity, entity_id, region_code)
    values (${cw!.id}, '王晓梅', 'payout.start', 'payout_run', ${run!.id}, '141130')`;
  await signIn(page, 'auditor');
  await page.goto(`/payouts/${run!.id}`);
  const history = page.getByRole('region', { name: '历史记录' });
  await expect(history).toContainText('王晓梅');
  await expect(history).toContainText('生成发放批次');
  await expect(history).not.toContainText('payout.start');
});
