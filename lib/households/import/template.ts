import 'server-only';
import ExcelJS from 'exceljs';
import { MAX_ROSTER_ROWS, ROSTER_SHEET, rosterColumns, rosterExample, rosterHeaders } from './layout';

// Drop-downs reach this many rows; beyond them Excel still accepts typing.
const PREPARED_ROWS = 2_000;

const rules = [
  '每行填写一位家庭成员；同一户的成员填同一个“户编号”（只在本文件内区分家庭，不写入系统）。',
  '家庭信息（村代码至开户人各列）以与户主关系为“本人”的那一行为准；同户其他行可以留空，若填写须与户主行一致。',
  '身份证号、账号、村代码、联系电话请保持“文本”格式：Excel 把长数字存成数字时会丢失末几位。',
  `整个文件一次导入：只要有一处错误，就不会导入任何数据，系统会列出每处错误的行号、列和原因。最多 ${MAX_ROSTER_ROWS.toLocaleString('en')} 行、10 MB。`,
  '可以直接上传本 .xlsx 文件（读取“花名册”工作表），也可以另存为 CSV（UTF-8 或 GBK 编码）后上传。',
  '已在系统中登记的身份证号不能再次导入；出生日期和性别由身份证号得出，无需填写。',
];

/** The downloadable template: an empty 花名册 sheet with the headers, and a notes sheet with the example. */
export async function buildRosterTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '兜底';

  const data = workbook.addWorksheet(ROSTER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  data.columns = rosterColumns.map((c) => ({
    header: c.header,
    width: Math.max(10, c.header.length * 2 + 4, 'text' in c && c.text ? 22 : 0),
    style: 'text' in c && c.text ? { numFmt: '@' } : {},
  }));
  data.getRow(1).font = { bold: true };
  // Whole-column ranges: exceljs's per-cell validations are merged into overlapping ranges,
  // which Excel reports as a damaged file. The range API is untyped in exceljs 4.4.
  const validations = (data as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  rosterColumns.forEach((c, i) => {
    if (!('choices' in c)) return;
    const letter = data.getColumn(i + 1).letter;
    validations.add(`${letter}2:${letter}${PREPARED_ROWS + 1}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${c.choices.join(',')}"`],
      showErrorMessage: true,
      errorTitle: c.header,
      error: `请从列表中选择：${c.choices.join('、')}`,
    });
  });

  const notes = workbook.addWorksheet('填写说明');
  notes.columns = [{ width: 14 }, { width: 16 }, { width: 90 }];
  notes.addRow(['花名册导入说明']).font = { bold: true, size: 14 };
  for (const rule of rules) notes.addRow([rule]);
  notes.addRow([]);
  notes.addRow(['列名', '是否必填', '说明']).font = { bold: true };
  for (const c of rosterColumns) notes.addRow([c.header, c.required, c.description]);
  notes.addRow([]);
  notes.addRow(['示例（参考案例：交口县康城镇康城村 穆小军户）。本工作表不会被导入；请在“花名册”工作表中填写。']).font = { bold: true };
  notes.addRow([...rosterHeaders]).font = { bold: true };
  for (const example of rosterExample) {
    const row = notes.addRow(rosterHeaders.map((h) => example[h] ?? ''));
    row.eachCell((cell) => (cell.numFmt = '@'));
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}
