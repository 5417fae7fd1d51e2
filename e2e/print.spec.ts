import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { extractText, getDocumentProxy } from 'unpdf';
import { signIn } from './support/auth';
import { expect, test } from './support/db';
import { insertReferenceHousehold } from './support/reference';

const out = path.join('test-results', 'print');

/**
 * The PDF's text as a reader compares it. Noto CJK draws 口 and the radical ⼝ with one glyph, and
 * Chromium's PDF names that glyph by the radical's code point; NFKC takes the Kangxi radicals
 * back, and the few from the radicals supplement (and NFKC's traditional 戶) are mapped here.
 * Whitespace goes too: the extractor spaces CJK glyphs as it likes.
 */
const radicals: Record<string, string> = { '⻚': '页', '⺠': '民', '⻅': '见', '戶': '户', '⻓': '长', '⻔': '门', '⻋': '车', '⻝': '食', '⻢': '马' };
const plain = (s: string) => s.normalize('NFKC').replace(/[⻚⺠⻅戶⻓⻔⻋⻝⻢]/g, (c) => radicals[c]!).replace(/\s+/g, '');

/**
 * The page as Chromium prints it (A4 from the page's own @page rule), kept as PDF and PNG under
 * test-results/print for a person to look at, and its text page by page (plain, above).
 */
async function printed(page: Page, name: string): Promise<string[]> {
  fs.mkdirSync(out, { recursive: true });
  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(out, `${name}.png`), fullPage: true });
  const pdf = await page.pdf({ preferCSSPageSize: true, path: path.join(out, `${name}.pdf`) });
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  return text.map(plain);
}

/** Every page carries 第 i 页 共 n 页, numbered in order. */
function expectPageNumbers(pages: string[]) {
  expect(pages.length).toBeGreaterThan(0);
  pages.forEach((p, i) => expect(p, `page ${i + 1} of the PDF`).toContain(`第${i + 1}页共${pages.length}页`));
}

test('the 审批表 prints on A4 with the county’s title, its number, the sign-off lines and page numbers', async ({ page, sql }) => {
  const householdId = await insertReferenceHousehold(sql);
  // Long findings run the form onto a second page: the numbers must count both.
  const findings = Array.from({ length: 60 }, (_, i) => `第 ${i + 1} 项：家中主要劳动力因病不能外出务工，收入以种植玉米、谷子为主。`).join('');
  const [cw] = await sql<{ id: string }[]>`select id from users where username = 'caseworker'`;
  const [app] = await sql<{ id: string }[]>`
    insert into applications (kind, household_id, state, county_code, township_code, village_code, created_by, created_at, findings)
    values ('dibao_household', ${householdId}, 'accepted', '141130', '141130101', '141130101200', ${cw!.id}, '2026-11-02T02:00:00Z', ${findings}) returning id`;
  await signIn(page, 'caseworker');
  await page.goto(`/applications/${app!.id}/print`);
  await expect(page.getByRole('heading', { name: '交口县最低生活保障审批表' })).toBeVisible();
  // On paper nothing of the app's navigation is left.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation')).toBeHidden();

  const pages = await printed(page, 'application');
  const all = pages.join('');
  expect(all).toContain(plain('交口县最低生活保障审批表'));
  expect(all).toContain(plain(`编号：${app!.id}`));
  for (const role of ['经办人', '审核人', '审批人']) expect(all).toContain(plain(`${role}签字：日期：年月日`));
  expect(all).toContain(plain('交口县民政局（盖章）'));
  expect(all).not.toContain(plain('统计报表')); // a navigation link, not on paper
  expect(pages.length).toBeGreaterThan(1);
  expectPageNumbers(pages);
  expect(pages.at(-1)).toContain(plain('交口县民政局（盖章）')); // the sign-off ends the form
});

test('the 月通报 prints with who made it, a blank for who checks it, the date and page numbers', async ({ page }) => {
  await signIn(page, 'supervisor');
  await page.goto('/reports/monthly/print');
  await expect(page.getByRole('heading', { name: /交口县困难群众生活救助资金发放月通报/ })).toBeVisible();
  const today = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

  const pages = await printed(page, 'monthly-notice');
  const all = pages.join('');
  expect(all).toContain(plain('交口县困难群众生活救助资金发放月通报'));
  expect(all).toContain(plain('制表单位：交口县民政局'));
  expect(all).toContain(plain('制表人：李建国'));
  expect(all).toContain(plain('审核人：'));
  expect(all).toContain(plain(`日期：${today}`));
  expectPageNumbers(pages);
});

test('a notice prints on A4 as issued: title, number, recipient, text, issuer and date', async ({ page, sql }) => {
  const householdId = await insertReferenceHousehold(sql);
  const [cw] = await sql<{ id: string }[]>`select id from users where username = 'supervisor'`;
  const body = { title: '不予批准决定书', recipient: '穆小军', issuer: '交口县民政局', paragraphs: ['经审核，你（户）的最低生活保障申请不符合条件，决定不予批准。', '理由：家庭人均收入高于当地低保标准。'] };
  const [n] = await sql<{ id: string }[]>`
    insert into notices (kind, county_code, township_code, village_code, year, seq, number, household_id, issued_on, issued_by, body)
    values ('refusal', '141130', '141130101', '141130101200', 2009, 7, '交民救〔2009〕第 0007 号', ${householdId}, '2009-04-02', ${cw!.id}, ${sql.json(body)})
    on conflict (county_code, year, seq) do update set body = excluded.body returning id`;
  await signIn(page, 'caseworker');
  await page.goto(`/notices/${n!.id}`);
  const pages = await printed(page, 'notice');
  expect(pages).toHaveLength(1);
  for (const text of ['不予批准决定书', '交民救〔2009〕第0007号', '穆小军：', '理由：家庭人均收入高于当地低保标准', '交口县民政局（盖章）', '2009年4月2日']) expect(pages[0]).toContain(plain(text));
  expect(pages[0]).not.toContain(plain('返回家庭档案'));
});
