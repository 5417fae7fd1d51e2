import fs from 'node:fs';
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { expect, test, uniqueSuffix } from './support/db';
import { signIn } from './support/auth';
import { insertKangchengHousehold } from './support/ids';

// A 1×1 PNG (a scanned 户口簿 stands in): uploaded on the household page by its labels, listed in
// 材料 with its short SHA-256, downloaded under its name, and found in the 一户一档 ZIP.
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c626001000000ffff030000060005570bfa0000000049454e44ae426082',
  'hex',
);

test('a caseworker uploads a PNG to a household and downloads it and the archive', async ({ page, sql }) => {
  const head = `材料户${uniqueSuffix()}`;
  const householdId = await insertKangchengHousehold(sql, head);
  // Unique bytes for this run (a trailing comment after IEND is still a PNG by its signature).
  const file = Buffer.concat([PNG, Buffer.from(uniqueSuffix())]);
  const sha = createHash('sha256').update(file).digest('hex');

  await signIn(page, 'caseworker');
  await page.goto(`/households/${householdId}`);
  const section = page.getByRole('region', { name: '材料' });
  await expect(section.getByText('尚未上传材料')).toBeVisible();

  // A renamed program is refused at its field, from its content.
  const form = section.getByRole('form', { name: '上传材料' });
  await form.getByLabel('材料类别').selectOption({ label: '户口簿' });
  await form.getByLabel('文件').setInputFiles({ name: '户口簿.png', mimeType: 'image/png', buffer: Buffer.from('MZ\x90\x00 not an image') });
  await form.getByRole('button', { name: '上传' }).click();
  await expect(form.getByText('只能上传 PDF、JPEG 或 PNG 文件（按文件内容识别，改扩展名无效）')).toBeVisible();

  await form.getByLabel('文件').setInputFiles({ name: '户口簿.png', mimeType: 'image/png', buffer: file });
  await form.getByRole('button', { name: '上传' }).click();
  await expect(form.getByText('已上传：户口簿.png')).toBeVisible();
  const row = section.getByRole('row').filter({ hasText: '户口簿.png' });
  await expect(row).toContainText('户口簿');
  await expect(row).toContainText(sha.slice(0, 12));
  await expect(row).toContainText('王晓梅');

  const [download] = await Promise.all([page.waitForEvent('download'), row.getByRole('link', { name: '户口簿.png' }).click()]);
  expect(download.suggestedFilename()).toBe('户口簿.png');
  expect(createHash('sha256').update(fs.readFileSync((await download.path())!)).digest('hex')).toBe(sha);

  const res = await page.request.get(`/api/documents/${(await sql<{ id: string }[]>`select id from documents where household_id = ${householdId}`)[0]!.id}`);
  expect(res.headers()['content-type']).toBe('image/png');
  expect(res.headers()['x-content-type-options']).toBe('nosniff');

  const [archive] = await Promise.all([page.waitForEvent('download'), section.getByRole('link', { name: '下载一户一档（ZIP）' }).click()]);
  expect(archive.suggestedFilename()).toMatch(new RegExp(`^一户一档-${head}-\\d{4}-\\d{2}-\\d{2}\\.zip$`));
  const zip = unzipSync(new Uint8Array(fs.readFileSync((await archive.path())!)));
  expect(Object.keys(zip).sort()).toEqual(['index.xlsx', '材料/001-户口簿-户口簿.png']);

  // A mistaken upload is withdrawn with its reason, never removed.
  const withdraw = section.getByRole('form', { name: '作废材料' });
  await withdraw.getByLabel('要作废的材料').selectOption({ index: 1 });
  await withdraw.getByLabel('作废原因').fill('上传错误，重新扫描');
  await withdraw.getByRole('button', { name: '作废' }).click();
  await expect(section.getByRole('row').filter({ hasText: '户口簿.png' })).toContainText('已作废：上传错误，重新扫描');

  const audits = await sql<{ action: string }[]>`select action from audit_log where entity_id = ${householdId} and (action like 'document.%' or action = 'household.archive') order by id`;
  expect(audits.map((a) => a.action)).toEqual(['document.upload', 'document.download', 'document.download', 'household.archive', 'document.withdraw']);
});
