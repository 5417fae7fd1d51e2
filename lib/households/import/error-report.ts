import 'server-only';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { MAX_REPORTED_ERRORS, type RosterError } from './layout';

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
    }),
  )
  .max(MAX_REPORTED_ERRORS);

/** 行号 / 列 / 原因, one line per problem, in the order the user will fix them. */
export async function buildErrorReport(errors: readonly RosterError[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('错误报告', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: '行号', key: 'row', width: 8 },
    { header: '列', key: 'column', width: 14 },
    { header: '原因', key: 'message', width: 80 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const e of errors) sheet.addRow({ row: e.row, column: e.column, message: e.message });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
