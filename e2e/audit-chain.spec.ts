// The auditor's tamper check in the browser: whole, then broken by a superuser's edit, then
// whole again once the row is put back.
import { expect, test } from './support/db';
import { signIn } from './support/auth';

test('the auditor checks the audit log’s hash chain and finds a row a superuser edited', async ({ page, sql }) => {
  await signIn(page, 'auditor');
  await page.goto('/audit');
  const check = page.getByRole('form', { name: '审计日志完整性校验' });
  await check.getByRole('button', { name: '校验审计日志完整性' }).click();
  await expect(check.getByRole('status')).toContainText('完整');

  const [row] = await sql<{ id: string; reason: string | null }[]>`select id, reason from audit_log where action = 'auth.sign_in' order by id desc limit 1`;
  const edit = (reason: string | null) =>
    sql.begin(async (tx) => {
      await tx`alter table audit_log disable trigger audit_log_no_update`;
      await tx`update audit_log set reason = ${reason} where id = ${row!.id}`;
      await tx`alter table audit_log enable trigger audit_log_no_update`;
    });
  await edit('被篡改');
  try {
    await check.getByRole('button', { name: '校验审计日志完整性' }).click();
    await expect(check.getByRole('status')).toContainText(`审计记录 #${row!.id}）记录内容被改动`);
  } finally {
    await edit(row!.reason);
  }
  await check.getByRole('button', { name: '校验审计日志完整性' }).click();
  await expect(check.getByRole('status')).toContainText('完整');
});

test('the audit log names actions and objects in Chinese, never by their codes', async ({ page }) => {
  await signIn(page, 'auditor');
  await page.goto('/audit');
  const table = page.getByRole('table', { name: '最近 100 条操作记录' });
  await expect(table.getByRole('cell', { name: '登录', exact: true }).first()).toBeVisible();
  await expect(table.getByRole('cell', { name: '用户', exact: true }).first()).toBeVisible();
  await expect(table).not.toContainText(/\b(auth|application|household|payout|tempaid|user)\.[a-z_]+/);
  await expect(table).not.toContainText(/\b(temp_aid_case|payout_run|audit_log)\b/);
  // A record the auditor may open is a link to its page; users are the admin's, so no link for her.
  await expect(table.getByRole('link', { name: '用户' })).toHaveCount(0);
  const household = table.getByRole('link', { name: '家庭' }).first();
  if (await household.count()) await expect(household).toHaveAttribute('href', /^\/households\/[0-9a-f-]+$/);
});
