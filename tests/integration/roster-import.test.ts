import { and, eq, inArray, like, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditLog, households, members, regions } from '@/db/schema';
import { buildAnnotatedRoster } from '@/lib/households/import/error-report';
import { importRoster, rosterWithErrors, type ImportOutcome } from '@/lib/households/import/import-roster';
import { rosterHeaders, type RosterHeader } from '@/lib/households/import/layout';
import { appDb, insertHousehold, randomIdNumber, signedIn } from './support/app';

type Cells = Partial<Record<RosterHeader, string>>;

const KANGCHENG = '141130101200'; // 交口县 康城镇 康城村委会: inside the demo caseworker's township

/** A household of `size` members with fresh IDs, as roster rows. */
function household(key: string, size = 3, village = KANGCHENG): Cells[] {
  const relations = ['本人', '配偶', '子女', '子女', '父母'];
  return Array.from({ length: size }, (_, i) => ({
    户编号: key,
    ...(i === 0 ? { 村代码: village, 住址: `康城村 ${key} 号`, 城乡: '农村', 建档立卡: '否' } : {}),
    姓名: `测试${key}${i}`,
    身份证号: randomIdNumber(),
    与户主关系: relations[i]!,
    劳动能力: i === 0 ? '完全' : '部分',
  }));
}

async function xlsxOf(rows: Cells[], headers: readonly string[] = rosterHeaders): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册');
  sheet.addRow([...headers]);
  for (const r of rows) sheet.addRow(headers.map((h) => r[h as RosterHeader] ?? ''));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

function csvOf(rows: Cells[]): string {
  const quote = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return [rosterHeaders.join(','), ...rows.map((r) => rosterHeaders.map((h) => quote(r[h] ?? '')).join(','))].join('\r\n');
}

/** GBK bytes, by inverting Node's own GBK decoder (Node ships no GBK encoder). */
function gbk(text: string): Uint8Array {
  const table = new Map<string, number[]>();
  const decoder = new TextDecoder('gbk');
  for (let a = 0x81; a <= 0xfe; a++) for (let b = 0x40; b <= 0xfe; b++) table.set(decoder.decode(new Uint8Array([a, b])), [a, b]);
  return new Uint8Array([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c)!)));
}

const idsOf = (rows: Cells[]) => rows.map((r) => r.身份证号!);

async function activeMembers(ids: string[]) {
  const db = await appDb();
  return db.select().from(members).where(and(inArray(members.idNumber, ids), eq(members.status, 'active')));
}

/** Where each problem is (the row's 户编号, 姓名 and value are checked in their own test). */
const where = (errors: { row: number; column: string; message: string }[]) => errors.map(({ row, column, message }) => ({ row, column, message }));

function failure(outcome: ImportOutcome) {
  expect(outcome.ok, 'expected the import to be refused').toBe(false);
  return outcome.ok ? { message: '', errors: [], totalErrors: 0 } : outcome;
}

describe('roster import', () => {
  it('imports a good XLSX file whole: households, members derived from their IDs, one audit row per household and a summary', async () => {
    const user = await signedIn('caseworker');
    const rows = [...household('A', 3), ...household('B', 2), ...household('C', 1)];
    const name = `花名册-${Date.now()}.xlsx`;
    const outcome = await importRoster(user, { name, bytes: await xlsxOf(rows) });
    expect(outcome).toEqual({ ok: true, households: 3, members: 6 });

    const db = await appDb();
    const written = await activeMembers(idsOf(rows));
    expect(written).toHaveLength(6);
    const head = written.find((m) => m.idNumber === rows[0]!.身份证号)!;
    const id = rows[0]!.身份证号!;
    expect(head).toMatchObject({
      name: '测试A0', relation: '本人', isHead: true, sortOrder: 0,
      birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
      sex: Number(id[16]) % 2 === 1 ? '男' : '女',
    });
    expect(written.find((m) => m.idNumber === rows[2]!.身份证号)).toMatchObject({ isHead: false, sortOrder: 2, workingCapacity: 'partial' });
    const [h] = await db.select().from(households).where(eq(households.id, head.householdId));
    expect(h).toMatchObject({ villageCode: KANGCHENG, townshipCode: '141130101', countyCode: '141130', kind: 'rural', createdBy: user.id });

    const householdIds = [...new Set(written.map((m) => m.householdId))];
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.action, 'household.import'), inArray(auditLog.entityId, householdIds)));
    expect(audits).toHaveLength(3);
    expect(audits[0]).toMatchObject({ actorId: user.id, entity: 'household', regionCode: KANGCHENG, reason: `花名册导入：${name}` });
    expect(JSON.stringify(audits)).not.toContain(id); // IDs masked in the log
    expect(JSON.stringify(audits)).toContain(`${id.slice(0, 6)}********${id.slice(14)}`);
    const [summary] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'roster.import'), sql`${auditLog.after}->>'file' = ${name}`));
    expect(summary).toMatchObject({ entity: 'roster', after: { file: name, households: 3, members: 6 } });
  });

  it('imports a UTF-8 CSV (with BOM) and a GBK CSV the same way', async () => {
    const user = await signedIn('caseworker');
    const utf8Rows = household('U', 2);
    const utf8 = new TextEncoder().encode(`\uFEFF${csvOf(utf8Rows)}`);
    expect(await importRoster(user, { name: 'roster.csv', bytes: utf8 })).toEqual({ ok: true, households: 1, members: 2 });
    const gbkRows = household('G', 2);
    expect(await importRoster(user, { name: 'roster.csv', bytes: gbk(csvOf(gbkRows)) })).toEqual({ ok: true, households: 1, members: 2 });
    expect((await activeMembers(idsOf(gbkRows))).map((m) => m.name).sort()).toEqual(['测试G0', '测试G1']);
  });

  it('imports nothing when one row is wrong, and names that row and column', async () => {
    const user = await signedIn('caseworker');
    const rows = [...household('A', 3), ...household('B', 3)];
    const good = rows[4]!.身份证号!;
    rows[4]!.身份证号 = good.slice(0, 17) + (good[17] === '0' ? '1' : '0'); // wrong check digit, file row 6
    const outcome = failure(await importRoster(user, { name: 'bad.xlsx', bytes: await xlsxOf(rows) }));
    expect(outcome.message).toBe('文件有 1 处错误，未导入任何数据');
    // Named as the user looks for it in the file: the row's 户编号 and 姓名, and what the cell held.
    expect(outcome.errors).toEqual([
      { row: 6, column: '身份证号', message: '身份证号校验码不正确，请核对后重新输入', household: 'B', name: '测试B1', value: rows[4]!.身份证号 },
    ]);
    expect(await activeMembers(idsOf(rows))).toEqual([]);
  });

  it('gives the refused file back with a 错误说明 column on the rows at fault, checked as the import checks it', async () => {
    const user = await signedIn('caseworker');
    const rows = [...household('A', 2), ...household('B', 2)];
    rows[3]!.与户主关系 = '表哥';
    rows[1]!.劳动能力 = '';
    const { rows: read, errors } = await rosterWithErrors(user, { name: 'bad.xlsx', bytes: await xlsxOf(rows) });
    expect(errors.map((e) => [e.row, e.column])).toEqual([[3, '劳动能力'], [5, '与户主关系']]);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await buildAnnotatedRoster(read, errors)) as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const note = header.indexOf('错误说明') + 1;
    expect(note).toBeGreaterThan(0);
    expect(sheet.rowCount).toBe(5);
    const noteOf = (r: number) => String(sheet.getRow(r).getCell(note).value ?? '');
    expect(noteOf(2)).toBe('');
    expect(noteOf(3)).toBe('劳动能力：请填写劳动能力（完全、部分或无）');
    expect(noteOf(5)).toContain('与户主关系：“表哥”无效');
    // The cells as typed, IDs as 18 characters of text.
    expect(sheet.getRow(5).getCell(header.indexOf('身份证号') + 1).value).toBe(rows[3]!.身份证号);
    expect(sheet.getRow(5).getCell(header.indexOf('姓名') + 1).value).toBe('测试B1');
    expect(await activeMembers(idsOf(rows))).toEqual([]);
  });

  it('refuses a village outside the caseworker’s township, and one that does not exist', async () => {
    const user = await signedIn('caseworker');
    const db = await appDb();
    const [outside] = await db.select().from(regions).where(and(like(regions.code, '141128102%'), eq(regions.level, 'village'))).limit(1);
    const rows = [...household('A', 2), ...household('B', 2, outside!.code), ...household('C', 1, '141130101999')];
    const outcome = failure(await importRoster(user, { name: 'r.xlsx', bytes: await xlsxOf(rows) }));
    expect(where(outcome.errors)).toEqual([
      { row: 4, column: '村代码', message: '村代码不在您的管辖范围内或不存在' },
      { row: 6, column: '村代码', message: '村代码不在您的管辖范围内或不存在' },
    ]);
    expect(await activeMembers(idsOf(rows))).toEqual([]);
  });

  it('refuses an ID already registered, naming where only when the user may see it', async () => {
    const user = await signedIn('caseworker');
    const db = await appDb();
    const rows = [...household('A', 2), ...household('B', 2)];
    await insertHousehold(db, { idNumber: rows[1]!.身份证号, headName: '已登记户主' });
    const [fangshan] = await db.select().from(regions).where(and(like(regions.code, '141128102%'), eq(regions.level, 'village'))).limit(1);
    await insertHousehold(db, { idNumber: rows[3]!.身份证号, villageCode: fangshan!.code, headName: '方山户主' });
    const outcome = failure(await importRoster(user, { name: 'r.xlsx', bytes: await xlsxOf(rows) }));
    expect(where(outcome.errors)).toEqual([
      { row: 3, column: '身份证号', message: expect.stringMatching(/^该身份证号已登记在康城镇康城.* 已登记户主户$/) },
      { row: 5, column: '身份证号', message: '该身份证号已在本系统其他地区登记，请联系县级民政部门核实' },
    ]);
    expect((await activeMembers(idsOf(rows))).map((m) => m.idNumber).sort()).toEqual([rows[1]!.身份证号, rows[3]!.身份证号].sort());
  });

  it('answers a registration that wins the race with row errors, not a failure, and writes nothing', async () => {
    const user = await signedIn('caseworker');
    const db = await appDb();
    const rows = household('R', 3);
    const outcome = failure(
      await importRoster(user, { name: 'race.xlsx', bytes: await xlsxOf(rows) }, async ({ stage }) => {
        // Another caseworker registers the spouse after the check, before the write.
        if (stage === 'writing') await insertHousehold(db, { idNumber: rows[1]!.身份证号, headName: '抢先登记' });
      }),
    );
    expect(outcome.message).toBe('导入期间有 1 位成员已被他人登记，未导入任何数据；请核对后重新导入');
    expect(where(outcome.errors)).toEqual([{ row: 3, column: '身份证号', message: expect.stringContaining(' 抢先登记户') }]);
    expect(await activeMembers(idsOf(rows))).toHaveLength(1);
  });

  it('refuses a file whose headers do not match the template, naming the columns', async () => {
    const user = await signedIn('caseworker');
    const headers = rosterHeaders.filter((h) => h !== '劳动能力').map((h) => (h === '住址' ? '地址' : h));
    const outcome = failure(await importRoster(user, { name: 'r.xlsx', bytes: await xlsxOf(household('A'), headers) }));
    expect(outcome.message).toContain('缺少列：住址、劳动能力');
    expect(outcome.message).toContain('地址');
    expect(outcome.errors).toContainEqual({ row: 1, column: '地址', message: '无法识别的列名' });
  });

  it('flags an 18-digit ID that Excel stored as a number', async () => {
    const user = await signedIn('caseworker');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('花名册');
    sheet.addRow([...rosterHeaders]);
    const [head] = household('N', 1);
    sheet.addRow(rosterHeaders.map((h) => (h === '身份证号' ? Number(head!.身份证号!.slice(0, 17)) * 10 : (head![h] ?? ''))));
    const outcome = failure(await importRoster(user, { name: 'n.xlsx', bytes: new Uint8Array(await workbook.xlsx.writeBuffer()) }));
    expect(where(outcome.errors)).toEqual([{ row: 2, column: '身份证号', message: expect.stringContaining('Excel 只保留 15 位有效数字') }]);
  });

  it('refuses files it cannot read whole, without touching the database', async () => {
    const user = await signedIn('caseworker');
    const refused = async (name: string, bytes: Uint8Array) => failure(await importRoster(user, { name, bytes })).message;
    const [row] = household('M', 1);
    const long = csvOf(Array.from({ length: 20_001 }, () => row!));
    expect(await refused('long.csv', new TextEncoder().encode(long))).toBe('文件超过 20,000 行，请拆分成几个文件分别导入');
    expect(await refused('big.csv', new Uint8Array(10 * 1024 * 1024 + 1))).toBe('文件超过 10 MB，请拆分成几个文件分别导入');
    expect(await refused('old.xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toContain('另存为” .xlsx');
    expect(await refused('broken.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toBe('无法读取该 .xlsx 文件，请在 Excel 中重新保存后再导入');
    expect(await refused('roster.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46]))).toBe('只能导入 .xlsx 或 .csv 文件');
    expect(await refused('utf16.csv', new Uint8Array([0xff, 0xfe, 0x37, 0x62]))).toContain('无法识别 CSV 文件的编码');
  });

  it('lets only users who may register households import, answering "not found" to others', async () => {
    const auditor = await signedIn('auditor');
    await expect(importRoster(auditor, { name: 'r.xlsx', bytes: await xlsxOf(household('A')) })).rejects.toMatchObject({ code: 'not_found' });
  });
});
