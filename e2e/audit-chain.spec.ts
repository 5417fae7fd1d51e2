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
  // Sign-ins are 登录记录, apart from the changes.
  await page.goto('/audit?tab=signins');
  const signIns = page.getByRole('table', { name: '登录记录' });
  await expect(signIns.getByRole('cell', { name: '登录', exact: true }).first()).toBeVisible();
  await expect(signIns.getByRole('cell', { name: '用户', exact: true }).first()).toBeVisible();
  await expect(signIns).not.toContainText(/\b(auth|user)\.[a-z_]+/);
  // A record the auditor may open is a link to its page; users are the admin's, so no link for her.
  await expect(signIns.getByRole('link', { name: '用户' })).toHaveCount(0);
  await page.goto('/audit');
  const table = page.getByRole('table', { name: '操作记录' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  await expect(table).not.toContainText(/\b(auth|application|household|payout|tempaid|user)\.[a-z_]+/);
  await expect(table).not.toContainText(/\b(temp_aid_case|payout_run|audit_log)\b/);
  await expect(table.getByRole('cell', { name: '登录', exact: true })).toHaveCount(0);
  const household = table.getByRole('link', { name: '家庭' }).first();
  if (await household.count()) await expect(household).toHaveAttribute('href', /^\/households\/[0-9a-f-]+$/);
});
