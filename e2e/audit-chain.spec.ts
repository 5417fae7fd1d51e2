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
