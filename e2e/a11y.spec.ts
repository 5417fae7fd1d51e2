// Every page of the app, as each role that uses it sees it, has no serious or critical axe
// finding (WCAG 2.1 A/AA rules; issue 13). Record pages are rows written here, in a month and
// a year no other spec uses (2010), so the spec does not depend on the order specs run in.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test, type Sql } from './support/db';
import { signIn } from './support/auth';
import { insertReferenceHousehold } from './support/reference';

async function records(sql: Sql) {
  const householdId = await insertReferenceHousehold(sql);
  const [cw] = await sql<{ id: string }[]>`select id from users where username = 'caseworker'`;
  const [app] = await sql<{ id: string }[]>`
    insert into applications (kind, household_id, state, county_code, township_code, village_code, created_by, created_at)
    values ('dibao_household', ${householdId}, 'accepted', '141130', '141130101', '141130101200', ${cw!.id}, '2010-03-02T02:00:00Z') returning id`;
  const [aid] = await sql<{ id: string }[]>`
    insert into temp_aid_cases (household_id, kind, cause, narrative, state, requested_fen, county_code, township_code, village_code, created_by, opened_on)
    values (${householdId}, 'small_fast', 'fire', '房屋失火，急需生活用品。', 'submitted', 150000, '141130', '141130101', '141130101200', ${cw!.id}, '2010-03-02') returning id`;
  await sql`insert into payout_runs (county_code, month, state, prepared_by, generated_at)
    values ('141130', '2010-03', 'draft', ${cw!.id}, now()) on conflict (county_code, month) do nothing`;
  const [run] = await sql<{ id: string }[]>`select id from payout_runs where county_code = '141130' and month = '2010-03'`;
  const [admin] = await sql<{ id: string }[]>`select id from users where username = 'caseworker2'`;
  // A review batch of a month long past, holding one open review of an enrollment of the household.
  const [enrollment] = await sql<{ id: string }[]>`
    insert into enrollments (program, household_id, status, county_code, township_code, village_code, start_month, next_review_on, review_cycle)
    values ('dibao', ${householdId}, 'active', '141130', '141130101', '141130101200', '2010-01', '2010-03-31', 'stable') returning id`;
  await sql`insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components) values (${enrollment!.id}, '2010-01', 30000, '{}'::jsonb)`;
  const [batch] = await sql<{ id: string }[]>`
    insert into review_batches (county_code, township_code, month, created_by) values ('141130', '141130101', '2010-03', ${cw!.id})
    on conflict (township_code, month) do update set month = excluded.month returning id`;
  const [review] = await sql<{ id: string }[]>`
    insert into reviews (batch_id, enrollment_id, household_id, county_code, township_code, village_code, due_on, assigned_to)
    values (${batch!.id}, ${enrollment!.id}, ${householdId}, '141130', '141130101', '141130101200', '2010-03-31', ${cw!.id}) returning id`;
  return { householdId, applicationId: app!.id, caseId: aid!.id, runId: run!.id, userId: admin!.id, batchId: batch!.id, reviewId: review!.id };
}

/** axe's serious and critical findings on the page as it stands, one line each. */
async function seriousFindings(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  // A button's accessible name must contain its visible text (显示完整号码): an experimental rule, asked for by name.
  const names = await new AxeBuilder({ page }).withRules(['label-content-name-mismatch']).analyze();
  return [...result.violations, ...names.violations]
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')}`);
}

async function check(page: Page, paths: string[]) {
  const found: Record<string, string[]> = {};
  for (const path of paths) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBeLessThan(400);
    await expect(page.locator('h1').first()).toBeVisible();
    const findings = await seriousFindings(page);
    if (findings.length > 0) found[path] = findings;
  }
  expect(found).toEqual({});
}

test('the check finds what it looks for: an image without text, a button named unlike its text', async ({ page }) => {
  await page.setContent('<html lang="zh-CN"><head><title>t</title></head><body><main><h1>测试</h1><img src="data:,"><button aria-label="查看">显示完整号码</button></main></body></html>');
  const findings = await seriousFindings(page);
  expect(findings.some((f) => f.startsWith('image-alt'))).toBe(true);
  expect(findings.some((f) => f.startsWith('label-content-name-mismatch'))).toBe(true);
});

test('the login page has no serious or critical accessibility finding', async ({ page }) => {
  await page.goto('/login');
  expect(await seriousFindings(page)).toEqual([]);
});

// The records the pages show, written once for all roles' tests (one worker runs them in order).
let written: ReturnType<typeof records> | undefined;
const pagesOf = (r: Awaited<ReturnType<typeof records>>): Record<string, string[]> => ({
    caseworker: [
      '/', '/households', '/households/new', '/households/import', `/households/${r.householdId}`,
      '/applications', `/applications/new?household=${r.householdId}`, `/applications/${r.applicationId}`, `/applications/${r.applicationId}/print`,
      '/temp-aid', '/temp-aid/new', `/temp-aid/${r.caseId}`, '/enrollments', '/reviews', `/reviews/batches/${r.batchId}`, `/reviews/${r.reviewId}`, '/monitoring', '/monitoring/imports', '/complaints', '/complaints/new', '/payouts', `/payouts/${r.runId}`, '/account/password',
    ],
    supervisor: ['/', '/applications', '/temp-aid/funds', '/enrollments', '/payouts', '/reports', '/reports/monthly', '/reports/period', '/reports/lines', '/reports/late-entries'],
    finance: ['/', '/payouts', `/payouts/${r.runId}`],
    auditor: ['/', '/audit', '/audit/views', '/enrollments/list', '/reviews', `/reviews/${r.reviewId}`, '/monitoring', '/complaints', '/reports', '/reports/monthly/print'],
    admin: ['/', '/admin/users', `/admin/users/${r.userId}`, '/admin/calendar', '/admin/verification-departments', '/policy', '/payouts/price-subsidies', '/account/second-factor'],
});

for (const role of ['caseworker', 'supervisor', 'finance', 'auditor', 'admin']) {
  test(`every page has no serious or critical accessibility finding, for the ${role}`, async ({ browser, sql }) => {
    test.setTimeout(240_000);
    const r = await (written ??= records(sql));
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, role);
    await check(page, pagesOf(r)[role]!);
    await context.close();
  });
}
