// The Content-Security-Policy under a real browser: every page response has one with a fresh
// nonce that Next.js put on its own scripts, the app works under it (no violation on the key
// pages, client navigations included), and an inline script that got into the HTML does not
// run — while the same injection carrying the nonce does (the probe could have succeeded).
import type { Page } from '@playwright/test';
import { expect, test, uniqueSuffix } from './support/db';
import { signIn } from './support/auth';
import { insertKangchengHousehold, unusedIdNumber } from './support/ids';

const NONCE = /script-src 'self' 'nonce-([A-Za-z0-9+/]+={0,2})' 'strict-dynamic'/;

/** Every CSP violation the page reports (the event) or logs (the console), from its first script on. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  await page.exposeFunction('__reportCspViolation', (v: string) => seen.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation(
        `${location.pathname}: ${e.violatedDirective} ${e.blockedURI} ${e.sample}`,
      );
    });
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) seen.push(`${new URL(page.url()).pathname}: ${m.text()}`);
  });
  return seen;
}

test('every page response has the policy with a fresh nonce, on each of Next.js’s scripts, beside the static headers', async ({ request }) => {
  const a = await request.get('/login');
  const b = await request.get('/login');
  const policy = a.headers()['content-security-policy'] ?? '';
  expect(policy).toMatch(NONCE);
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).toContain("object-src 'none'");
  expect(policy).toContain("frame-ancestors 'none'");
  const nonce = NONCE.exec(policy)![1]!;
  expect(NONCE.exec(b.headers()['content-security-policy'] ?? '')![1]).not.toBe(nonce);

  const html = await a.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const s of scripts) expect(s).toContain(`nonce="${nonce}"`);

  expect(a.headers()).toMatchObject({ 'x-content-type-options': 'nosniff', 'x-frame-options': 'DENY', 'referrer-policy': 'same-origin' });
  // Served over plain http here: no HSTS, no upgrade of assets to an https port that does not answer.
  expect(a.headers()['strict-transport-security']).toBeUndefined();
  expect(policy).not.toContain('upgrade-insecure-requests');
  // Behind a TLS-terminating proxy (it sets X-Forwarded-Proto): HSTS, and the upgrade.
  const proxied = await request.get('/login', { headers: { 'X-Forwarded-Proto': 'https' } });
  expect(proxied.headers()['strict-transport-security']).toBe('max-age=31536000');
  expect(proxied.headers()['content-security-policy']).toContain('upgrade-insecure-requests');
});

test('the app works under the policy: no violation on the key pages, typing, a refused form and client navigation', async ({ page, sql }) => {
  const violations = await watchViolations(page);
  await signIn(page, 'caseworker');
  for (const path of ['/', '/households', '/households/new', '/temp-aid', '/temp-aid/new', '/applications', '/payouts', '/households/import']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  // The registration form parses in the browser (zod) as the ID is typed, and a refused submit comes back.
  await page.goto('/households/new');
  const row = page.getByRole('group', { name: '成员 1' });
  await row.getByLabel('身份证号 *').fill(await unusedIdNumber(sql, '141130', '19800101', '男'));
  await expect(row.getByLabel('成员 1 出生日期和性别')).toHaveText('1980-01-01 · 男');
  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByText(/处需要修改/)).toBeVisible();
  // Client-side navigation loads the next page's chunks through the nonce'd runtime.
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: '家庭档案' }).click();
  await expect(page).toHaveURL(/\/households$/);
  await nav.getByRole('link', { name: '临时救助' }).click();
  await expect(page).toHaveURL(/\/temp-aid/);
  await page.waitForLoadState('networkidle');

  const id = await insertKangchengHousehold(sql, `策略测试${uniqueSuffix()}`);
  await page.goto(`/households/${id}`);
  await expect(page.getByRole('heading', { name: /策略测试/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(violations, 'caseworker pages').toEqual([]);
});

test('the supervisor’s reports (charts, the printable notice) run without violations', async ({ page }) => {
  const violations = await watchViolations(page);
  await signIn(page, 'supervisor');
  for (const path of ['/', '/reports', '/reports/monthly', '/reports/period', '/enrollments', '/applications', '/policy']) {
    await page.goto(path);
    await page.waitForLoadState('networkidle');
  }
  await page.goto('/reports/monthly');
  await page.getByRole('link', { name: '打印版' }).click(); // a client navigation to the print layout
  await expect(page).toHaveURL(/\/reports\/monthly\/print/);
  await page.waitForLoadState('networkidle');
  expect(violations, 'supervisor pages').toEqual([]);
});

test('an inline script injected into a page does not run; the same injection with the nonce does', async ({ page }) => {
  const violations = await watchViolations(page);
  const marker = uniqueSuffix();
  // Stands in for an HTML-injection flaw: the server's own page with the attacker's markup in it.
  await page.route('**/login', async (route) => {
    const res = await route.fetch();
    const nonce = NONCE.exec(res.headers()['content-security-policy'] ?? '')![1]!;
    const body = (await res.text()).replace(
      '</body>',
      `<script>window.__injected = '${marker}'</script>` +
        `<img src="/favicon-missing.png" onerror="window.__handler = '${marker}'">` +
        `<script nonce="${nonce}">window.__control = '${marker}'</script></body>`,
    );
    await route.fulfill({ response: res, body });
  });
  await page.goto('/login');
  await expect.poll(() => page.evaluate(() => (window as unknown as { __control?: string }).__control)).toBe(marker);
  expect(await page.evaluate(() => (window as unknown as { __injected?: string }).__injected)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __handler?: string }).__handler)).toBeUndefined();
  await expect.poll(() => violations.filter((v) => /script-src/.test(v)).length).toBeGreaterThanOrEqual(2); // the script and the handler
  // The page itself still works: the sign-in form is there and interactive.
  await expect(page.getByRole('button', { name: '登录', exact: true })).toBeEnabled();
});
