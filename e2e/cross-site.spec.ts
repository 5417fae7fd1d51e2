// Route handlers refuse a request another site made the browser send (lib/http/same-origin.ts),
// with a positive control each time: the same request from our own origin works.
import type { Page } from '@playwright/test';
import { expect, test, uniqueSuffix } from './support/db';
import { insertKangchengHousehold } from './support/ids';
import { signIn } from './support/auth';

async function cookieHeader(page: Page): Promise<string> {
  return (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
}

async function exportsBy(sql: import('./support/db').Sql, username: string): Promise<number> {
  const [r] = await sql<{ n: number }[]>`
    select count(*)::int as n from audit_log a join users u on u.id = a.actor_id where a.action = 'household.export' and u.username = ${username}`;
  return r!.n;
}

test('a cross-site POST carrying a valid session is refused with 403 and does nothing; the same POST from our origin works', async ({ page, baseURL, sql }) => {
  await signIn(page, 'caseworker');
  const cookie = await cookieHeader(page);
  const url = `${baseURL}/api/households/export`;
  const before = await exportsBy(sql, 'caseworker');

  // As an old browser (no SameSite) would send another site's form: the session cookie, a foreign Origin.
  const foreign = await page.request.post(url, { form: { q: '', sort: 'newest' }, headers: { Cookie: cookie, Origin: 'https://evil.example' } });
  expect(foreign.status()).toBe(403);
  expect(await foreign.json()).toMatchObject({ error: 'cross_site', message: '该请求来自其他网站，已拒绝；请在本系统的页面中操作' });
  const crossSite = await page.request.post(url, { form: { q: '' }, headers: { Cookie: cookie, Origin: 'https://evil.example', 'Sec-Fetch-Site': 'cross-site' } });
  expect(crossSite.status()).toBe(403);
  const sibling = await page.request.post(url, { form: { q: '' }, headers: { Cookie: cookie, 'Sec-Fetch-Site': 'same-site' } });
  expect(sibling.status(), 'another application on the same site').toBe(403);
  const bare = await page.request.post(url, { form: { q: '' }, headers: { Cookie: cookie } });
  expect(bare.status(), 'a POST without Origin').toBe(403);
  expect(await exportsBy(sql, 'caseworker'), 'no export ran').toBe(before);

  // Positive control: the very same request with our own origin exports (and is audited).
  const own = await page.request.post(url, { form: { q: '', sort: 'newest' }, headers: { Cookie: cookie, Origin: new URL(baseURL!).origin } });
  expect(own.status()).toBe(200);
  expect(own.headers()['content-type']).toContain('spreadsheetml');
  await expect.poll(() => exportsBy(sql, 'caseworker')).toBe(before + 1);
});

test('a real browser on another site posting a form to a route handler gets 403; the app’s own export button downloads', async ({ page, baseURL }) => {
  await signIn(page, 'caseworker');
  // The attacker's page, served by the test at a host of its own.
  await page.route('http://attacker.test/**', (route) =>
    route.fulfill({
      contentType: 'text/html; charset=utf-8',
      body: `<!doctype html><form id="f" method="post" action="${baseURL}/api/households/export"><input name="q" value=""></form>
             <script>document.getElementById('f').submit()</script>`,
    }),
  );
  const answer = page.waitForResponse((r) => r.url() === `${baseURL}/api/households/export`);
  await page.goto('http://attacker.test/');
  expect((await answer).status()).toBe(403);

  // Positive control in the same browser: the list page's own 导出 Excel (a same-origin form POST).
  await page.goto('/households');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Excel' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
});

test('a GET of personal data is refused from another site but not from a typed address or our pages', async ({ page, sql }) => {
  await signIn(page, 'caseworker');
  const path = `/api/households/${await insertKangchengHousehold(sql, `跨站测试${uniqueSuffix()}`)}`;
  const cookie = await cookieHeader(page);
  expect((await page.request.get(path, { headers: { Cookie: cookie, 'Sec-Fetch-Site': 'cross-site' } })).status()).toBe(403);
  expect((await page.request.get(path, { headers: { Cookie: cookie, 'Sec-Fetch-Site': 'none' } })).status()).toBe(200);
  expect((await page.request.get(path, { headers: { Cookie: cookie, 'Sec-Fetch-Site': 'same-origin' } })).status()).toBe(200);
  // And from the app's own script in the browser (what fetch sends: same-origin).
  expect(await page.evaluate(async (p) => (await fetch(p)).status, path)).toBe(200);
});
