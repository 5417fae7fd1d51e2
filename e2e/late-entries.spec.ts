import { expect, test, type Sql } from './support/db';
import { signIn } from './support/auth';
import { confirmInDialog } from './support/confirm';
import { insertReferenceHousehold } from './support/reference';

const chinaDay = (daysAgo: number) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - daysAgo * 86_400_000));

/**
 * An application awaiting the county's decision, written straight to the database and dated weeks
 * ago (so the spec does not depend on today's date): registered 30 days ago, its 公示 posted 20
 * days ago and entered 12 days ago — a late entry (补录) with its reason and notice record.
 */
async function awaitingDecisionWithLateNotice(sql: Sql): Promise<string> {
  const householdId = await insertReferenceHousehold(sql);
  const [cw] = await sql<{ id: string }[]>`select id from users where username = 'caseworker'`;
  const [app] = await sql<{ id: string }[]>`
    insert into applications (kind, household_id, state, county_code, township_code, village_code, created_by, created_at,
                              accepted_by, accepted_on, missing_documents, investigators, investigated_by, investigated_on, findings,
                              township_opinion, township_reviewed_by, township_reviewed_on, notice_start, notice_end, version)
    values ('dibao_household', ${householdId}, 'in_public_notice', '141130', '141130101', '141130101200', ${cw!.id}, now() - interval '30 days',
            ${cw!.id}, ${chinaDay(30)}, '{}', ${['王晓梅', '刘建华']}, ${cw!.id}, ${chinaDay(28)}, '户主工伤致瘫，家庭无收入',
            '情况属实，同意上报', ${cw!.id}, ${chinaDay(26)}, ${chinaDay(20)}, ${chinaDay(13)}, 5)
    returning id`;
  await sql`
    insert into late_entries (entity_kind, entity_id, step, stated_on, recorded_on, recorded_at, working_days_late, threshold_working_days,
                              reason, evidence_ref, recorded_by, county_code, township_code, village_code)
    values ('application', ${app!.id}, 'public_notice', ${chinaDay(20)}, ${chinaDay(12)}, now() - interval '12 days', 6, 3,
            '村委会张榜后纸质记录迟送乡镇', 'KC-2026-015', ${cw!.id}, '141130', '141130101', '141130101200')`;
  return app!.id;
}

test('a supervisor sees the late-entry mark on an application awaiting decision and must acknowledge it to approve', async ({ browser, page, sql }) => {
  const id = await awaitingDecisionWithLateNotice(sql);
  await signIn(page, 'supervisor');
  await page.goto(`/applications/${id}`);

  // The mark: on the 公示 step, and the list with the reason, the record number and who entered it.
  const steps = page.getByRole('region', { name: '办理过程' });
  await expect(steps.getByRole('row', { name: /^公示/ })).toContainText(`补录（${chinaDay(12)} 录入，晚 6 个工作日）`);
  const late = page.getByRole('region', { name: '补录情况' });
  await expect(late.getByRole('row', { name: /^公示/ })).toContainText('村委会张榜后纸质记录迟送乡镇');
  await expect(late.getByRole('row', { name: /^公示/ })).toContainText('KC-2026-015');
  await expect(late.getByRole('row', { name: /^公示/ })).toContainText('待审批人核实');

  // Without the acknowledgment the approval is refused, next to the checkbox.
  const decide = page.getByRole('form', { name: '县级审批' });
  await expect(decide).toContainText('本案有 1 个补录环节');
  await decide.getByLabel('审批结果').selectOption('approve');
  await decide.getByRole('button', { name: '提交审批结果' }).click();
  // The approval asks first (the dialog states what is approved); the server then refuses it.
  await confirmInDialog(page, '确认批准', /确认批准/);
  await expect(decide.getByText('该案件有 1 个补录环节，请逐项核实后勾选“已核实补录情况”')).toBeVisible();
  const [still] = await sql<{ state: string }[]>`select state from applications where id = ${id}`;
  expect(still!.state).toBe('in_public_notice');

  await decide.getByLabel('已核实补录情况').check();
  await decide.getByRole('button', { name: '提交审批结果' }).click();
  await confirmInDialog(page, '确认批准', /确认批准/);
  await expect(page.getByText(/已批准：每月 ¥2,452\.00/)).toBeVisible();
  await expect(late.getByRole('row', { name: /^公示/ })).toContainText('李建国');
  const [entry] = await sql<{ acknowledged_by: string | null }[]>`select acknowledged_by from late_entries where entity_id = ${id}`;
  const [sv] = await sql<{ id: string }[]>`select id from users where username = 'supervisor'`;
  expect(entry!.acknowledged_by).toBe(sv!.id);

  // The printed 审批表 carries it too.
  await page.goto(`/applications/${id}/print`);
  await expect(page.getByRole('row', { name: /^补录/ })).toContainText('公示');
  await expect(page.getByRole('row', { name: /^补录/ })).toContainText('KC-2026-015');

  // The auditor finds it in the list of late entries, from 统计报表, filtered by township and month.
  const au = await browser.newContext();
  const auditor = await au.newPage();
  await signIn(auditor, 'auditor');
  await auditor.goto('/reports');
  await auditor.getByRole('link', { name: '查看补录情况' }).click();
  const filter = auditor.getByRole('form', { name: '补录查询' });
  await filter.getByLabel('乡镇').selectOption({ label: '交口县 康城镇' });
  await filter.getByLabel('录入月份').fill(chinaDay(12).slice(0, 7));
  await filter.getByRole('button', { name: '查询' }).click();
  const row = auditor.getByRole('row', { name: /村委会张榜后纸质记录迟送乡镇/ });
  await expect(row).toContainText('王晓梅');
  await expect(row).toContainText('李建国');
  await au.close();
});
