import { signIn } from './support/auth';
import { expect, test } from './support/db';
import { insertReferenceHousehold } from './support/reference';

const departments = ['公安', '人社', '不动产登记', '车辆管理', '税务', '住房公积金', '市场监管', '银行', '医保'];

test('a caseworker records the consent, requests verification, imports the answers and sees the recomputed amount', async ({ page, sql }) => {
  const householdId = await insertReferenceHousehold(sql);
  const [cw] = await sql<{ id: string }[]>`select id from users where username = 'caseworker'`;
  const [app] = await sql<{ id: string }[]>`
    insert into applications (kind, household_id, state, county_code, township_code, village_code, created_by, accepted_by, accepted_on)
    values ('dibao_household', ${householdId}, 'accepted', '141130', '141130101', '141130101200', ${cw!.id}, ${cw!.id}, current_date - 2)
    returning id`;
  await signIn(page, 'caseworker');
  await page.goto(`/applications/${app!.id}`);
  const section = page.getByRole('region', { name: '家庭经济状况核对' });
  await expect(section).toContainText('尚未登记授权书');

  // A missing adult signer is named, nothing saved.
  const consent = section.getByRole('form', { name: '登记核对授权书' });
  await consent.getByLabel('刘桂英').uncheck();
  await consent.getByRole('button', { name: '登记授权书' }).click();
  await expect(consent).toContainText('以下人员未在授权书上签字：刘桂英');
  await consent.getByLabel('刘桂英').check();
  await consent.getByRole('button', { name: '登记授权书' }).click();
  await expect(section).toContainText(/已于 \d{4}-\d{2}-\d{2} 签署/);

  await section.getByRole('button', { name: '发起家庭经济状况核对' }).click();
  await expect(section).toContainText(/核对请求 HD141130\d{12}/);
  const [request] = await sql<{ id: string; batch_no: string; persons: { seq: number; name: string; idNumber: string }[] }[]>`
    select id, batch_no, persons from verification_requests where application_id = ${app!.id}`;

  // The bank's request file downloads in the documented layout.
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: '下载银行请求文件' }).click();
  const file = await (await download).createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of file) chunks.push(c as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  expect(text.startsWith('\uFEFF批次号,核对部门,序号,姓名,证件类型,证件号码,与申请人关系,核对事项')).toBe(true);

  const wife = request!.persons.find((p) => p.name === '刘桂英')!;
  const answer = (name: string, bad = false) => {
    const rows = request!.persons.map((p) =>
      name === '人社' && p.seq === wife.seq
        ? `${request!.batch_no},${name},${p.seq},${p.idNumber},${p.name},工资性收入,${bad ? '5OO' : '500.00'},保洁`
        : `${request!.batch_no},${name},${p.seq},${p.idNumber},${p.name},无记录,,`,
    );
    return Buffer.from(`\uFEFF批次号,核对部门,序号,证件号码,姓名,项目,金额（元）,说明\r\n${rows.join('\r\n')}\r\n`);
  };
  const form = section.getByRole('form', { name: '导入核对结果' });
  // A bad amount refuses the whole file, with its row.
  await form.getByLabel('核对部门').selectOption({ label: '人社' });
  await form.getByLabel('核对结果文件（CSV）').setInputFiles({ name: 'hrss.csv', mimeType: 'text/csv', buffer: answer('人社', true) });
  await form.getByRole('button', { name: '导入核对结果' }).click();
  await expect(section).toContainText('整个文件未导入');
  await expect(section.getByRole('table', { name: /核对结果文件错误明细/ })).toContainText('金额“5OO”格式不正确');

  for (const name of departments) {
    await form.getByLabel('核对部门').selectOption({ label: name });
    await form.getByLabel('核对结果文件（CSV）').setInputFiles({ name: `${name}.csv`, mimeType: 'text/csv', buffer: answer(name) });
    await form.getByRole('button', { name: '导入核对结果' }).click();
    await expect(section.getByRole('table', { name: '各部门回复情况' }).getByRole('row', { name: new RegExp(`^${name}`) })).toContainText('已回复');
  }
  const report = section.getByRole('region', { name: '核对报告' });
  await expect(report).toContainText(/核对完成于/);
  await expect(report).toContainText('核实月收入¥500.00');
  await expect(report).toContainText('按申报测算¥2,452.00');
  await expect(report).toContainText('按核实测算¥1,952.00');
  await expect(report).toContainText('差额-¥500.00');
});
