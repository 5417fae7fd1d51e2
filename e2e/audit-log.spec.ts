// The auditor works the audit log as a tool: filters by person, by action (chosen by its Chinese
// name) and by text in reasons, pages back, reads a row's 详情 in Chinese, switches to 登录记录,
// and exports exactly the filtered rows to Excel.
import ExcelJS from 'exceljs';
import { signIn } from './support/auth';
import { expect, test, uniqueSuffix } from './support/db';

test('the auditor filters the log, pages back, reads 详情 in Chinese, sees sign-ins apart and exports the filtered rows', async ({ page, sql }) => {
  const token = `抽查${uniqueSuffix()}`;
  const [cw] = await sql<{ id: string; name: string }[]>`select id, name from users where username = 'caseworker'`;
  // 60 approvals by 王晓梅 with the token, one change of another kind with it, one sign-in.
  await sql`insert into audit_log (actor_id, actor_name, action, entity, entity_id, region_code, at, before, after, reason)
    select ${cw!.id}::uuid, ${cw!.name}, 'application.approve', 'application', gen_random_uuid()::text, '141130101200',
      now() - interval '1 day' - g * interval '1 minute', '{"state":"in_public_notice"}'::jsonb, '{"state":"approved","amountFen":40200}'::jsonb,
      ${token} || ' 第' || g || '条'
    from generate_series(1, 60) g`;
  await sql`insert into audit_log (actor_id, actor_name, action, entity, region_code, at, reason)
    values (${cw!.id}::uuid, ${cw!.name}, 'household.update', 'household', '141130101200', now() - interval '1 day', ${token} || ' 住址更正')`;
  await sql`insert into audit_log (actor_id, actor_name, action, entity, entity_id, at)
    values (${cw!.id}::uuid, ${cw!.name}, 'auth.sign_in', 'user', ${cw!.id}, now() - interval '2 days')`;

  await signIn(page, 'auditor');
  await page.goto('/audit');
  const form = page.getByRole('form', { name: '筛选审计日志' });
  await form.getByLabel('操作人').selectOption({ label: '王晓梅（caseworker）' });
  await form.getByLabel('操作', { exact: true }).selectOption({ label: '审批通过' });
  await form.getByLabel('原因包含').fill(token);
  await form.getByRole('button', { name: '查询' }).click();
  await expect(page).toHaveURL(/\/audit\?.*action=application\.approve/);

  const table = page.getByRole('table', { name: '操作记录' });
  const rows = table.locator('tbody tr');
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText(`${token} 第1条`);
  await expect(table.getByRole('cell', { name: '审批通过', exact: true })).toHaveCount(50);
  await expect(table).not.toContainText('修改家庭信息');
  // 详情: field names and values in Chinese, no key or code of the source.
  await rows.first().getByText('详情').click();
  await expect(rows.first()).toContainText('状态');
  await expect(rows.first()).toContainText('公示中');
  await expect(rows.first()).toContainText('已批准');
  await expect(rows.first()).toContainText('¥402.00');
  await expect(table).not.toContainText(/amountFen|in_public_notice|\bstate\b|approved|application\./);

  // The next page holds the other ten, and ends there.
  await page.getByRole('link', { name: '更早的记录' }).click();
  await expect(rows).toHaveCount(10);
  await expect(rows.last()).toContainText(`${token} 第60条`);
  await expect(page.getByRole('link', { name: '更早的记录' })).toHaveCount(0);
  // A cursor edited by hand is no cursor: the first page again.
  const tampered = new URL(page.url());
  tampered.searchParams.set('after', 'eyJub3BlIjoxfQ');
  await page.goto(tampered.toString());
  await expect(rows).toHaveCount(50);
  await expect(rows.first()).toContainText(`${token} 第1条`);

  // Export: the filter's 60 rows, newest first, times as dates, names in Chinese.
  const [download] = await Promise.all([page.waitForEvent('download'), form.getByRole('button', { name: '导出 Excel' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^审计日志-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(await download.path());
  const sheet = workbook.getWorksheet('操作记录')!;
  const values = sheet.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
  expect(values[0]).toEqual(['时间', '操作人', '操作', '对象', '对象编号', '地区代码', '原因', '变更前', '变更后']);
  expect(values).toHaveLength(61);
  expect(values[1]![0]).toBeInstanceOf(Date);
  expect(values.slice(1).map((r) => r[2])).toEqual(Array(60).fill('审批通过'));
  expect(values[1]!.slice(6)).toEqual([`${token} 第1条`, '状态：公示中', '状态：已批准；金额：¥402.00']);

  // 登录记录: sign-ins apart from the changes.
  await page.getByRole('link', { name: '登录记录' }).click();
  await expect(page.getByRole('link', { name: '登录记录' })).toHaveAttribute('aria-current', 'page');
  // The tab keeps the person and the text; sign-ins have no reason, so the text goes.
  await expect(form.getByLabel('操作人')).toHaveValue(cw!.id);
  await form.getByLabel('原因包含').fill('');
  await form.getByRole('button', { name: '查询' }).click();
  const signIns = page.getByRole('table', { name: '登录记录' });
  await expect(signIns.getByRole('cell', { name: '登录', exact: true }).first()).toBeVisible();
  await expect(signIns).not.toContainText('审批通过');
  await expect(form.getByLabel('操作', { exact: true }).locator('option', { hasText: '审批通过' })).toHaveCount(0);
});

test('the log’s export answers only a reader of the log, from this site, and is never cached', async ({ browser, baseURL }) => {
  const origin = new URL(baseURL!).origin;
  const url = `${baseURL}/api/audit/export`;
  const as = async (username: string) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, username);
    return { context, page };
  };
  const auditor = await as('auditor');
  const own = await auditor.page.request.post(url, { form: { tab: 'signins' }, headers: { Origin: origin } });
  expect(own.status()).toBe(200);
  expect(own.headers()['content-type']).toContain('spreadsheetml');
  expect(own.headers()['cache-control']).toContain('no-store');
  const foreign = await auditor.page.request.post(url, { form: { tab: 'signins' }, headers: { Origin: 'https://evil.example' } });
  expect(foreign.status()).toBe(403);
  const bad = await auditor.page.request.post(url, { form: { from: '2026-02-30' }, headers: { Origin: origin } });
  expect(bad.status()).toBe(400);
  // A caseworker (no audit.read) is answered "not found", as for any record outside her reach.
  const caseworker = await as('caseworker');
  const refused = await caseworker.page.request.post(url, { form: { tab: 'signins' }, headers: { Origin: origin } });
  expect(refused.status()).toBe(404);
  await auditor.context.close();
  await caseworker.context.close();
});
