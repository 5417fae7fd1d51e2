import { signIn } from './support/auth';
import { expect, test, uniqueSuffix, type Sql } from './support/db';
import { unusedIdNumber } from './support/ids';

function uniqueName(lead: string): string {
  const han = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥春夏秋冬梅兰竹菊';
  return lead + [...uniqueSuffix()].map((c) => han[parseInt(c, 36) % han.length]).join('').slice(-3);
}

const chinaToday = () => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai' }).format(new Date());

/** A one-person rural household of 康城村 on dibao since 2020 at ¥300.00, its review due on `dueOn`. */
async function onRoll(sql: Sql, headName: string, dueOn: string): Promise<string> {
  const [h] = await sql<{ id: string }[]>`
    insert into households (village_code, township_code, county_code, address, kind)
    values ('141130101200', '141130101', '141130', '康城村 8 号', 'rural') returning id`;
  const idNumber = await unusedIdNumber(sql, '141130', '19860304', '男');
  const [m] = await sql<{ id: string }[]>`insert into members (household_id, name, id_number, birth_date, sex, relation, is_head)
    values (${h!.id}, ${headName}, ${idNumber}, '1986-03-04', '男', '本人', true) returning id`;
  const [e] = await sql<{ id: string }[]>`
    insert into enrollments (program, household_id, status, county_code, township_code, village_code, start_month, next_review_on, review_cycle)
    values ('dibao', ${h!.id}, 'active', '141130', '141130101', '141130101200', '2020-01', ${dueOn}, 'stable') returning id`;
  await sql`insert into enrollment_amounts (enrollment_id, effective_month, amount_fen, components) values (${e!.id}, '2020-01', 30000, '{}'::jsonb)`;
  await sql`insert into enrollment_members (enrollment_id, member_id, id_number, basic_living) values (${e!.id}, ${m!.id}, ${idNumber}, true)`;
  return h!.id;
}

test('a township’s review batch worked to its end: made, assigned, one kept, one recomputed and approved', async ({ browser, sql }) => {
  const today = chinaToday();
  const month = today.slice(0, 7);
  const kept = uniqueName('甄');
  const raised = uniqueName('蒯');
  await onRoll(sql, kept, `${month}-01`);
  await onRoll(sql, raised, `${month}-01`);

  const cwContext = await browser.newContext();
  const page = await cwContext.newPage();
  await signIn(page, 'caseworker');
  await page.getByRole('navigation').getByRole('link', { name: '定期复核' }).click();
  await expect(page.getByRole('heading', { name: '定期复核', level: 1 })).toBeVisible();
  // Both are overdue already (due on the 1st) or due this month: either way on the township's list.
  const make = page.getByRole('form', { name: '生成复核批次' });
  await expect(make.getByLabel('乡镇（街道）')).toHaveValue('141130101');
  await expect(make.getByLabel('复核月份')).toHaveValue(month);
  await make.getByRole('button', { name: '生成批次' }).click();
  await expect(page.getByRole('heading', { name: `康城镇 ${month} 复核批次`, level: 1 })).toBeVisible();
  const table = page.getByRole('table', { name: '本批次复核' });
  await expect(table.getByRole('row', { name: new RegExp(kept) })).toContainText('未分派');

  // Assign: nobody chosen is refused at its field, then every unassigned one to the caseworker.
  const assign = page.getByRole('form', { name: '分派复核' });
  await assign.getByRole('button', { name: '分派' }).click();
  await expect(assign.getByText('请选择调查人').last()).toBeVisible();
  await assign.getByLabel('调查人').selectOption({ label: '王晓梅' });
  await assign.getByRole('button', { name: '分派' }).click();
  await expect(assign.getByRole('status')).toContainText(/已分派 \d+ 户/);
  await page.reload();
  await expect(table.getByRole('row', { name: new RegExp(kept) })).toContainText('王晓梅');

  // 维持: the review closes at once; the next review is a year after the visit.
  await table.getByRole('link', { name: kept }).click();
  await expect(page.getByRole('heading', { name: new RegExp(`复核：${kept}户`) })).toBeVisible();
  const record = page.getByRole('form', { name: '登记复核结果' });
  await expect(record.getByLabel('第一调查人')).toHaveValue('王晓梅');
  await record.getByRole('button', { name: '提交复核结果' }).click();
  await expect(page.getByRole('group', { name: /^请更正以下 \d+ 项/ })).toBeFocused();
  await expect(record.getByText('请填写第二位调查人姓名').last()).toBeVisible();
  await record.getByLabel('第二调查人').fill('赵村干');
  await record.getByLabel('入户复核情况').fill('入户查看，家庭人口、收入与上次复核一致');
  await record.getByRole('button', { name: '提交复核结果' }).click();
  const yearOn = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
  // The page answers with the closed review (the form is gone: a closed review takes no second record).
  await expect(page.getByText(`${today}，下次复核 ${yearOn}`)).toBeVisible();
  await expect(page.getByText('已办结 · 维持')).toBeVisible();
  await expect(record).toHaveCount(0);
  await expect(page.getByRole('region', { name: '历史记录' })).toContainText('登记复核结果');

  // 重新核算: one person without income on 交口县's rural standard, ¥402.00 (was ¥300.00).
  await page.getByRole('link', { name: new RegExp('返回 .* 复核批次') }).click();
  await table.getByRole('link', { name: raised }).click();
  await record.getByLabel('第二调查人').fill('赵村干');
  await record.getByLabel('入户复核情况').fill('务工收入已停止，按现有收入重新核算');
  await record.getByLabel('复核结论').selectOption({ label: '重新核算金额（增发或减发）' });
  await record.getByRole('button', { name: '提交复核结果' }).click();
  await expect(page.getByText(/重新核算为 ¥402\.00\/月，自 \d{4}-\d{2} 起 · 待审批/)).toBeVisible();
  await cwContext.close();

  // The supervisor approves the change; the review closes with it and the batch is done.
  const supContext = await browser.newContext();
  const sup = await supContext.newPage();
  await signIn(sup, 'supervisor');
  await sup.goto('/enrollments');
  const decide = sup.getByRole('form', { name: `审批 ${raised}户 重新核算` });
  await decide.getByRole('button', { name: '同意', exact: true }).click();
  await expect(decide).toHaveCount(0);
  await sup.goto('/reviews');
  await sup.getByRole('table', { name: /复核批次/ }).getByRole('link', { name: '康城镇' }).click();
  const batchTable = sup.getByRole('table', { name: '本批次复核' });
  await expect(batchTable.getByRole('row', { name: new RegExp(raised) })).toContainText('已办结');
  await expect(batchTable.getByRole('row', { name: new RegExp(raised) })).toContainText('重新核算');
  await expect(batchTable.getByRole('row', { name: new RegExp(kept) })).toContainText('维持');
  await supContext.close();
});
