import { expect, test, uniqueSuffix } from './support/db';
import { DEMO_PASSWORD, signIn } from './support/auth';
import { postCredentials } from './support/credentials';
import { unusedIdNumber } from './support/ids';

// Return paths that would take a caseworker off the site (or run script) if followed.
const OFF_SITE = [
  '/\\evil.example/',
  '/\t/evil.example/',
  '/%2F%2Fevil.example',
  '//evil.example/',
  '\\\\evil.example',
  'https://evil.example/',
  'javascript:alert(document.domain)',
];

async function signInWithCallback(page: import('@playwright/test').Page, callbackUrl: string) {
  await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel('用户名', { exact: true }).fill('caseworker');
  await page.getByLabel('密码', { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: '登录', exact: true }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

test.describe('after sign-in the user goes only to a path of this site', () => {
  test('the login page follows a path of the site (the control)', async ({ page, baseURL }) => {
    await signInWithCallback(page, '/temp-aid');
    expect(page.url()).toBe(`${baseURL}/temp-aid`);
  });

  for (const target of OFF_SITE) {
    test(`the login page refuses ${JSON.stringify(target)} and opens the start page`, async ({ page, baseURL }) => {
      await signInWithCallback(page, target);
      expect(page.url()).toBe(`${baseURL}/`);
      await expect(page.getByLabel('当前用户')).toContainText('王晓梅');
    });
  }

  test("next-auth's own answer names only this site", async ({ baseURL }) => {
    const control = await postCredentials(baseURL!, { username: 'caseworker', password: DEMO_PASSWORD, callbackUrl: `${baseURL}/temp-aid` });
    expect(control).toMatchObject({ signedIn: true, url: `${baseURL}/temp-aid` });
    for (const target of [...OFF_SITE, `${baseURL}//evil.example/`, `${baseURL}/\\evil.example/`]) {
      const res = await postCredentials(baseURL!, { username: 'caseworker', password: DEMO_PASSWORD, callbackUrl: target });
      expect(res.url, `callbackUrl ${JSON.stringify(target)}`).toBe(`${baseURL}/`);
    }
  });

  test('the redirect to sign-in carries only a path of this site', async ({ baseURL }) => {
    const login = async (path: string) => {
      const res = await fetch(`${baseURL}${path}`, { redirect: 'manual' });
      const location = new URL(res.headers.get('location') ?? '', baseURL);
      return { origin: location.origin, pathname: location.pathname, callbackUrl: location.searchParams.get('callbackUrl') };
    };
    expect(await login('/temp-aid')).toEqual({ origin: baseURL, pathname: '/login', callbackUrl: '/temp-aid' });
    for (const path of ['/%2F%2Fevil.example', '/%5Cevil.example', '/%09/evil.example']) {
      const to = await login(path);
      expect(to.origin, path).toBe(baseURL);
      expect(to.callbackUrl, path).toBeNull();
    }
  });
});

test.describe('the address a sign-in counts against', () => {
  test('X-Forwarded-For is believed only from the listed proxy; without the header the socket address counts', async ({ baseURL, sql }) => {
    const s = uniqueSuffix();
    // A direct client (127.0.0.1) writing its own header; the proxy of TRUSTED_PROXIES (127.0.0.2,
    // playwright.config.ts) passing on a chain; a client (127.0.0.4) sending no header at all.
    await postCredentials(baseURL!, { username: `xff-direct-${s}`, password: 'wrong-password', forwardedFor: '203.0.113.7' });
    await postCredentials(baseURL!, { username: `xff-proxy-${s}`, password: 'wrong-password', from: '127.0.0.2', forwardedFor: '198.51.100.1, 203.0.113.8' });
    await postCredentials(baseURL!, { username: `xff-none-${s}`, password: 'wrong-password', from: '127.0.0.4' });
    const rows = await sql<{ key: string }[]>`select key from sign_in_throttle where key like ${`p:xff-%-${s}|%`} order by key`;
    expect(rows.map((r) => r.key)).toEqual([`p:xff-direct-${s}|127.0.0.1`, `p:xff-none-${s}|127.0.0.4`, `p:xff-proxy-${s}|203.0.113.8`]);
  });

  test('31 failed sign-ins to made-up names from one address without the header lock nobody out, not even there', async ({ baseURL, page }) => {
    const s = uniqueSuffix();
    for (let i = 0; i < 31; i++) {
      const r = await postCredentials(baseURL!, { username: `made-up-${s}-${i}`, password: 'wrong-password', from: '127.0.0.3' });
      expect(r.url, `attempt ${i + 1}`).toContain('error=CredentialsSignin');
    }
    expect(await postCredentials(baseURL!, { username: 'caseworker', password: DEMO_PASSWORD, from: '127.0.0.3' })).toMatchObject({ signedIn: true });
    await signIn(page, 'caseworker'); // and from the browser's address
  });

  test('eight wrong passwords from one address do not stop the caseworker at another, and the first address stays locked', async ({ baseURL, page }) => {
    // Sent at once: each waits its turn's delay side by side (0.5 … 4 s), and the burst gets no more guesses than one by one.
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => postCredentials(baseURL!, { username: 'caseworker2', password: 'wrong-password', from: '127.0.0.5' })),
    );
    const errors = burst.map((r) => new URL(r.url).searchParams.get('error')).sort();
    expect(errors).toEqual([...Array(7).fill('CredentialsSignin'), 'locked']);
    const there = await postCredentials(baseURL!, { username: 'caseworker2', password: DEMO_PASSWORD, from: '127.0.0.5' });
    expect(there.signedIn).toBe(false);
    expect(there.url).toContain('error=locked');
    await signIn(page, 'caseworker2'); // from 127.0.0.1
    await expect(page.getByLabel('当前用户')).toContainText('赵志强');
  });

  test('an account at the account-wide limit is listed for the admin', async ({ page, sql }) => {
    const username = 'caseworker2';
    await sql`insert into sign_in_throttle (key, failures, window_start, locked_until) values (${`u:${username}`}, 100, now(), now() + interval '15 minutes')
      on conflict (key) do update set failures = 100, window_start = now(), locked_until = now() + interval '15 minutes'`;
    try {
      await signIn(page, 'admin');
      await page.goto('/admin/users');
      const notice = page.getByRole('alert').filter({ hasText: '以下账号正被大量尝试密码' });
      await expect(notice).toContainText('caseworker2（赵志强）：失败 100 次');
    } finally {
      await sql`delete from sign_in_throttle where key = ${`u:${username}`}`;
    }
    await page.reload();
    await expect(page.getByText('以下账号正被大量尝试密码')).toHaveCount(0);
  });
});

test('a session that ends in the middle of a form offers sign-in in place and keeps what was typed', async ({ page, sql }) => {
  await signIn(page, 'caseworker');
  await page.goto('/households/new');
  const name = `续登${uniqueSuffix().slice(-6)}`;
  const idNumber = await unusedIdNumber(sql, '141130', '19800101', '男');
  await page.getByLabel('村（社区） *').selectOption({ label: '康城村' });
  await page.getByLabel('住址 *').fill('康城村 30 号');
  const row = page.getByRole('group', { name: '成员 1' });
  await row.getByLabel('姓名 *').fill(name);
  await row.getByLabel('身份证号 *').fill(idNumber);
  await row.getByLabel('劳动能力 *').selectOption('full');

  // 30 minutes idle: the browser drops the cookie (its max-age is the idle limit).
  await page.context().clearCookies({ name: 'doudi.session' });
  await page.getByRole('button', { name: '登记', exact: true }).click();

  const dialog = page.getByRole('dialog', { name: '登录已过期，请重新登录' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('用户名')).toHaveValue('caseworker');
  expect(await sql`select 1 from members where id_number = ${idNumber}`, 'nothing was saved without a session').toHaveLength(0);
  await expect(page).toHaveURL(/\/households\/new$/);

  // The dialog checks the password like the login page does.
  await dialog.getByLabel('密码').fill('wrong-password');
  await dialog.getByRole('button', { name: '登录' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('用户名或密码错误。');
  await dialog.getByLabel('密码').fill(DEMO_PASSWORD);
  await dialog.getByRole('button', { name: '登录' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByText('已重新登录，请再次提交。')).toBeVisible();
  await expect(page.getByLabel('住址 *')).toHaveValue('康城村 30 号');
  await expect(row.getByLabel('姓名 *')).toHaveValue(name);
  await expect(row.getByLabel('身份证号 *')).toHaveValue(idNumber);
  await expect(row.getByLabel('劳动能力 *')).toHaveValue('full');

  await page.getByRole('button', { name: '登记', exact: true }).click();
  await expect(page.getByRole('heading', { name: `${name}户` })).toBeVisible();
  expect(await sql`select 1 from members where id_number = ${idNumber}`).toHaveLength(1);
});
