// Playwright for e2e/multinode.spec.ts only: two app servers of one build behind nginx, all
// started by scripts/multinode-test.sh (`npm run test:multinode`), which passes them here:
//   MULTINODE_URL            nginx, round robin over both servers (http://127.0.0.1:3240)
//   MULTINODE_NODE_A_URL     the first server itself (http://127.0.0.1:3241)
//   MULTINODE_NODE_B_URL     the second server itself (http://127.0.0.1:3242)
//   MULTINODE_DATABASE_URL   their database, as the superuser (a spec arranges its data there)
//   MULTINODE_NGINX_LOG      nginx's access log (which server answered each request)
// The default playwright.config.ts ignores this spec: it needs the cluster.
import { defineConfig, devices } from '@playwright/test';
import { chromiumPath } from './e2e/support/env';

export default defineConfig({
  testDir: 'e2e',
  testMatch: /multinode\.spec\.ts$/,
  outputDir: 'test-results/multinode',
  workers: 1,
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: 'list',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: process.env.MULTINODE_URL ?? 'http://127.0.0.1:3240',
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    headless: true,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-gpu', '--disable-quic', '--no-first-run'],
    },
  },
  projects: [{ name: 'multinode', use: { ...devices['Desktop Chrome'] } }],
});
