import { expect, test } from './support/db';
import { signIn } from './support/auth';
import { confirmInDialog } from './support/confirm';
import { insertReferenceHousehold } from './support/reference';

const chinaDay = (daysAgo: number) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - daysAgo * 86_400_000));
const nextMonth = () => {
  const [y, m] = chinaDay(0).split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

test('the reference household goes through every step of a dibao application (entered late, with reasons) and ends enrolled at ¥2,452.00 a month plus both disability subsidies', async ({ browser, sql }) => {
  test.setTimeout(90_000);
  const householdId = await insertReferenceHousehold(sql);
  await sql`update households set phone = '13912340000' where id = ${householdId}`;

  // The caseworker, in her own browser session.
  const cw = await browser.newContext();
  const caseworker = await cw.newPage();
  await signIn(caseworker, 'caseworker');
  await caseworker.goto(`/households/${householdId}`);
  await caseworker.getByRole('link', { name: '申请低保或特困' }).click();
  await caseworker.getByLabel('申请类型').selectOption('dibao_household');
  await caseworker.getByRole('button', { name: '创建申请' }).click();
  await expect(caseworker.getByRole('heading', { name: /低保（整户）：穆小军户/ })).toBeVisible();
  // A paper case registered weeks ago and entered now: every step is a late entry (补录), with its
  // reason. (The county decides only after a 7-day 公示, so a case done in one sitting is one.)
  const applicationId = caseworker.url().split('/').pop()!;
  await sql`update applications set created_at = now() - interval '21 days' where id = ${applicationId}`;
  await caseworker.reload();

  const accept = caseworker.getByRole('form', { name: '受理', exact: true });
  await accept.getByLabel('受理日期').fill(chinaDay(20));
  await accept.getByRole('button', { name: '受理', exact: true }).click();
  await expect(accept.getByText(/该环节日期早于录入日 \d+ 个工作日，属于补录，请写明补录原因/)).toBeVisible();
  await accept.getByLabel('补录原因').fill('纸质申请当日受理，集中补录');
  await accept.getByRole('button', { name: '受理', exact: true }).click();

  const investigate = caseworker.getByRole('form', { name: '入户调查' });
  await investigate.getByLabel('调查人一').fill('王晓梅');
  await investigate.getByLabel('调查人二').fill('刘建华');
  await investigate.getByLabel('调查日期').fill(chinaDay(18));
  await investigate.getByLabel('调查情况').fill('户主 2019 年工伤致瘫，妻子照护，三个孩子在读，家庭无收入。');
  await investigate.getByLabel('补录原因').fill('入户调查表当日填写，集中补录');
  await investigate.getByRole('button', { name: '保存调查结果' }).click();
  const estimate = caseworker.getByRole('region', { name: '测算金额' });
  await expect(estimate).toContainText('¥2,452.00');
  await expect(estimate).toContainText('补差 ¥2,010.00 + 分类施保 ¥442.00');

  const township = caseworker.getByRole('form', { name: '乡镇审核' });
  await township.getByLabel('审核日期').fill(chinaDay(16));
  await township.getByLabel('乡镇审核意见').fill('情况属实，同意上报');
  await township.getByLabel('补录原因').fill('乡镇审核意见书已签批，集中补录');
  await township.getByRole('button', { name: '提交乡镇意见' }).click();

  const notice = caseworker.getByRole('form', { name: '张榜公示' });
  await notice.getByLabel('公示开始日期').fill(chinaDay(15));
  await notice.getByLabel('补录原因').fill('村务公开栏张榜，集中补录');
  await notice.getByLabel('公示照片或记录编号').fill('IMG_0123');
  await notice.getByRole('button', { name: '开始公示' }).click();
  await expect(caseworker.getByText(/当前环节：公示中/)).toBeVisible();
  await expect(caseworker.getByRole('region', { name: '补录情况' }).getByRole('row')).toHaveCount(5); // heading row + 4 steps
  const applicationUrl = caseworker.url();
  // The caseworker who prepared the case has no decision form.
  await expect(caseworker.getByRole('form', { name: '县级审批' })).toHaveCount(0);

  // The supervisor, in a separate session, finds it waiting and approves it.
  const sv = await browser.newContext();
  const supervisor = await sv.newPage();
  await signIn(supervisor, 'supervisor');
  await supervisor.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '申请审批' }).click();
  // Other specs' applications of reference-household copies may wait too: this one, by its address.
  await supervisor.getByRole('region', { name: '待我处理' }).locator(`a[href="${new URL(applicationUrl).pathname}"]`).click();
  await expect(supervisor).toHaveURL(applicationUrl);
  // Approval asks first, stating the amount and the start; cancelled once, nothing is decided.
  const decide = supervisor.getByRole('form', { name: '县级审批' });
  await decide.getByLabel('审批结果').selectOption('approve');
  await decide.getByLabel('已核实补录情况').check();
  await decide.getByRole('button', { name: '提交审批结果' }).click();
  const confirmation = supervisor.getByRole('dialog', { name: '确认批准' });
  const stated = `确认批准 穆小军户 低保（整户）：按测算每月 ¥2,452.00，自 ${nextMonth()} 起按月发放`;
  await expect(confirmation).toContainText(stated);
  await confirmation.getByRole('button', { name: '取消' }).click();
  await expect(confirmation).toBeHidden();
  await supervisor.reload();
  await expect(supervisor.getByText(/当前环节：公示中/)).toBeVisible();
  await decide.getByLabel('审批结果').selectOption('approve');
  await decide.getByLabel('已核实补录情况').check();
  await decide.getByRole('button', { name: '提交审批结果' }).click();
  await confirmInDialog(supervisor, '确认批准', stated);
  await expect(supervisor.getByText(`已批准：每月 ¥2,452.00，自 ${nextMonth()} 起发放。`)).toBeVisible();
  // 历史记录 of the application: its steps by their Chinese names, newest first.
  const history = supervisor.getByRole('region', { name: '历史记录' });
  await expect(history.getByRole('listitem').first()).toContainText('李建国 · 审批通过');
  for (const step of ['新建申请', '受理申请', '入户调查', '乡镇审核', '张榜公示']) await expect(history).toContainText(step);
  await expect(supervisor.locator('main')).not.toContainText(/\bapplication\.[a-z_]+/);

  // The household page shows the enrollment and the two subsidies, which the supervisor confirms.
  await supervisor.getByRole('link', { name: '查看家庭档案' }).click();
  const programs = supervisor.getByRole('region', { name: '救助项目' });
  await expect(programs.getByRole('row', { name: /最低生活保障/ })).toContainText(`¥2,452.00${nextMonth()}在保`);
  await programs.getByRole('button', { name: '确认 困难残疾人生活补贴（穆小军）' }).click();
  await confirmInDialog(supervisor, '确认补贴', `确认 困难残疾人生活补贴（穆小军）：每月 ¥50.00，自 ${nextMonth()} 起按月发放。`);
  await expect(programs.getByRole('row', { name: /困难残疾人生活补贴/ })).toContainText('在保');
  // The other subsidy is not dropped in silence: marked on the household page, and waiting in the
  // supervisor's queue (在册管理), where it is confirmed.
  const householdUrl = supervisor.url();
  await expect(programs.getByRole('row', { name: /重度残疾人护理补贴/ })).toContainText('待确认（确认后发放）');
  await supervisor.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '在册管理' }).click();
  const waiting = supervisor.getByRole('region', { name: /待确认的残疾人补贴/ });
  // Other specs' copies of the reference household may wait there too: this household's row, by its link.
  const ours = supervisor.locator(`a[href="${new URL(householdUrl).pathname}"]`);
  const care = waiting.getByRole('row', { name: /重度残疾人护理补贴/ }).filter({ has: ours });
  await expect(care).toContainText('¥50.00');
  await care.getByRole('button', { name: '确认 重度残疾人护理补贴（穆小军）' }).click();
  await confirmInDialog(supervisor, '确认补贴', '重度残疾人护理补贴（穆小军）：每月 ¥50.00');
  await expect(waiting.getByRole('row', { name: /重度残疾人护理补贴/ }).filter({ has: ours })).toHaveCount(0);
  await supervisor.goto(householdUrl);
  await expect(programs.getByRole('row', { name: /重度残疾人护理补贴/ })).toContainText(`¥50.00${nextMonth()}在保`);
  // The timeline names every step in Chinese; no audit code (application.accept …) reaches the page.
  const timeline = supervisor.getByRole('region', { name: '变更记录' });
  for (const step of ['新建申请', '受理申请', '入户调查', '乡镇审核', '张榜公示', '审批通过', '确认残疾人补贴']) await expect(timeline.getByText(step, { exact: true }).first()).toBeVisible();
  await expect(supervisor.locator('main')).not.toContainText(/\b(application|enrollment|subsidy|household|member)\.[a-z_]+/);
  await expect(programs.getByRole('row', { name: /困难残疾人生活补贴/ })).toContainText(`¥50.00${nextMonth()}在保`);

  // 文书: the acceptance notice and the decision, filed with the household; the decision reads as issued.
  const filed = supervisor.getByRole('region', { name: /文书/ });
  await expect(filed.getByRole('row', { name: /受理通知书/ })).toBeVisible();
  await filed.getByRole('row', { name: /批准决定书/ }).getByRole('link', { name: /^交民救〔\d{4}〕第 \d{4} 号$/ }).click();
  const decision = supervisor.getByRole('article', { name: '批准决定书' });
  await expect(decision).toContainText('穆小军：');
  await expect(decision).toContainText(`决定自 ${nextMonth()} 起给予最低生活保障，保障人数 5 人，每月保障金额 ¥2,452.00`);
  await expect(decision).toContainText('60 日内向交口县人民政府或者吕梁市民政局申请行政复议');
  await expect(decision).toContainText('交口县民政局（盖章）');

  // 短信通知: the applicant was told at 受理 and at the decision, by the server's sender after each step.
  await supervisor.goto(householdUrl);
  const texts = supervisor.getByRole('region', { name: /短信通知/ });
  await expect(texts.getByRole('row', { name: /受理.*139\*\*\*\*0000.*已于 \d{4}-\d{2}-\d{2} 受理/ })).toContainText('已发送', { timeout: 15_000 });
  await expect(texts.getByRole('row', { name: /决定.*申请已批准/ })).toContainText('已发送', { timeout: 15_000 });

  await cw.close();
  await sv.close();
});

test('不予受理: the township declines an application in writing; the notice gives the reason and the appeal rights', async ({ page, sql }) => {
  const householdId = await insertReferenceHousehold(sql);
  await signIn(page, 'caseworker');
  await page.goto(`/households/${householdId}`);
  await page.getByRole('link', { name: '申请低保或特困' }).click();
  await page.getByLabel('申请类型').selectOption('dibao_household');
  await page.getByRole('button', { name: '创建申请' }).click();
  const form = page.getByRole('form', { name: '不予受理' });
  await form.getByRole('button', { name: '不予受理' }).click();
  await confirmInDialog(page, '不予受理', '不予受理将结束这件申请');
  await expect(form.getByText('请写明不予受理的理由（至少 5 个字）')).toBeVisible();
  await form.getByLabel('不予受理理由').fill('申请人户籍不在本乡镇，应向户籍所在地申请');
  await form.getByRole('button', { name: '不予受理' }).click();
  await confirmInDialog(page, '不予受理', '不予受理将结束这件申请');
  await expect(page.getByText('不予受理：申请人户籍不在本乡镇，应向户籍所在地申请')).toBeVisible();
  await expect(page.getByRole('form', { name: '受理', exact: true })).toHaveCount(0);

  await page.goto(`/households/${householdId}`);
  await page.getByRole('region', { name: /文书/ }).getByRole('row', { name: /不予受理通知书/ }).getByRole('link').click();
  const notice = page.getByRole('article', { name: '不予受理通知书' });
  await expect(notice).toContainText('理由：申请人户籍不在本乡镇，应向户籍所在地申请');
  await expect(notice).toContainText('60 日内向交口县人民政府或者吕梁市民政局申请行政复议');
  await expect(notice).toContainText('康城镇人民政府');
});
