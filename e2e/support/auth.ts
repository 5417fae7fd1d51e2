import { expect, type Page } from '@playwright/test';

/** Password of every demo user (db/seed/demo.ts DEMO_PASSWORD; not imported so specs stay free of server code). */
export const DEMO_PASSWORD = 'Doudi#2026';

/**
 * Signs in through the real login form and waits until the app has navigated away from
 * /login. Fails with the form's own error message when the sign-in is refused.
 */
export async function signIn(page: Page, username: string, password: string = DEMO_PASSWORD): Promise<void> {
  await page.goto('/login');
  const usernameField = page.getByLabel('用户名', { exact: true });
  await usernameField.fill(username);
  await page.getByLabel('密码', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();

  // The form's own error message (Next.js also puts an empty role=alert route announcer on every page).
  const alert = page.locator('form').filter({ has: usernameField }).getByRole('alert');
  const left = page.waitForURL((url) => url.pathname !== '/login', { timeout: 15_000 }).then(() => 'left' as const);
  const refused = alert.waitFor({ state: 'visible', timeout: 15_000 }).then(() => 'refused' as const);
  const outcome = await Promise.race([left, refused]).catch(() => 'timeout' as const);
  // Keep the loser from surfacing as an unhandled rejection once the page moves on.
  left.catch(() => {});
  refused.catch(() => {});

  if (outcome === 'refused' && new URL(page.url()).pathname === '/login') {
    throw new Error(`signIn(${username}) refused: ${(await alert.textContent())?.trim() ?? ''}`);
  }
  await expect(page, `signIn(${username}) did not leave /login`).not.toHaveURL(/\/login(\?|$)/);
}
