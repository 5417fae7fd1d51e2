import 'server-only';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { MAX_REPORTED_ERRORS, rosterHeaders, type RosterError, type RosterRow } from './layout';

/**
 * The error list as the report route receives it back from the browser. It holds only what
 * the import answered to this user, so it is checked for shape and size, nothing more.
 */
export const rosterErrorsSchema = z
  .array(
    z.object({
      row: z.number().int().min(0).max(1_048_576),
      column: z.string().max(40),
      message: z.string().max(300),
      household: z.string().max(100).optional(),
      name: z.string().max(100).optional(),
      value: z.string().max(1000).optional(),
    }),
  )
  .max(MAX_REPORTED_ERRORS);

/** 行号 / 户编号 / 姓名 / 列 / 填写的内容 / 原因, one line per problem, in the order the user will fix them. */
export async function buildErrorReport(errors: readonly RosterError[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '户编号', key: 'household', width: 10 },
    { header: '姓名', key: 'name', width: 10 },
    { header: '列', key: 'column', width: 14 },
    { header: '填写的内容', key: 'value', width: 24 },
    { header: '原因', key: 'message', width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const e of errors) {
    sheet.addRow({ row: e.row, household: e.household ?? '', name: e.name ?? '', column: e.column, value: e.value ?? '', message: e.message });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * The user's own file back with one more column, 错误说明, on every row that has a problem
 * (“列：原因”, each problem of the row), so that they fix it where they typed it. The file's
 * columns are the roster's, in the template's order; problems of the header itself go on the
 * header row's 错误说明.
 */
export async function buildAnnotatedRoster(rows: readonly RosterRow[], errors: readonly RosterError[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('花名册（标注错误）', { views: [{ state: 'frozen', ySplit: 1 }] });
  const used = rosterHeaders.filter((h) => rows.some((r) => (r.cells[h] ?? '') !== ''));
  const headers = used.length > 0 ? used : [...rosterHeaders];
  const byRow = new Map<number, string[]>();
  for (const e of errors) byRow.set(e.row, [...(byRow.get(e.row) ?? []), `${e.column}：${e.message}`]);
  const known = new Set(rows.map((r) => r.row));
  const headerProblems = errors.filter((e) => !known.has(e.row)).map((e) => `${e.column}：${e.message}`);
  const header = sheet.addRow([...headers, '错误说明', '原行号']);
  header.font = { bold: true };
  if (headerProblems.length > 0) header.getCell(headers.length + 1).value = headerProblems.join('；');
  // Every cell as text, as the import reads it: an ID stays 18 characters, not a number.
  sheet.columns.forEach((c) => (c.numFmt = '@'));
  for (const r of rows) {
    const problems = byRow.get(r.row) ?? [];
    const line = sheet.addRow([...headers.map((h) => r.cells[h] ?? ''), problems.join('；'), r.row]);
    if (problems.length > 0) {
      const note = line.getCell(headers.length + 1);
      note.font = { color: { argb: 'FFB91C1C' } };
      note.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFEE2E2' } };
    }
  }
  headers.forEach((_h, i) => (sheet.getColumn(i + 1).width = 14));
  sheet.getColumn(headers.length + 1).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
