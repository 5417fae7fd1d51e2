import 'server-only';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { ROSTER_SHEET } from './layout';

/** A cell as the importer sees it: text, or text that cannot be trusted (with why). */
export type CellText = string | { text: string; problem: string };

export interface SheetRow {
  row: number;
  cells: CellText[]; // 0-based column index
}

// A 10 MB .xlsx can inflate to gigabytes (a "zip bomb", or a sheet formatted down to row
// 1,048,576). The sizes the archive declares are checked before anything is inflated.
const MAX_INFLATED_BYTES = 100 * 1024 * 1024; // a full 20,000-row roster inflates to about 10 MB

/** The total uncompressed size the zip's central directory declares, or null if it is not a zip. */
export function declaredInflatedSize(bytes: Uint8Array): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const stop = Math.max(0, bytes.length - 65_557);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const entries = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== 0x02014b50) return null;
    const size = view.getUint32(p + 24, true);
    if (size === 0xffffffff) return Number.POSITIVE_INFINITY; // zip64: far beyond any roster
    total += size;
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return total;
}

const digitsOnly = /^\d+$/;

/**
 * Excel keeps 15 significant digits of a number: an 18-digit ID or a 19-digit card typed into
 * a "General" cell is already wrong in the file. Such a cell is flagged, never guessed at.
 */
function cellText(value: unknown): CellText {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') {
    const text = Number.isInteger(value) && Math.abs(value) < 1e21 ? value.toFixed(0) : String(value);
    if (digitsOnly.test(text) && text.length > 15) {
      return { text, problem: '该单元格是数字格式，Excel 只保留 15 位有效数字，末几位已丢失；请把这一列设为“文本”格式后重新填写' };
    }
    return text;
  }
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: string };
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('').trim();
    if (v.error !== undefined) return { text: '', problem: `单元格是错误值 ${v.error}` };
    if ('result' in v) return cellText(v.result); // a formula: its cached result
    if (v.text !== undefined) return cellText(v.text); // a hyperlink
  }
  return String(value).trim();
}

export class TooManyRows extends Error {}
export class NotAWorkbook extends Error {}

/**
 * Streams the roster sheet (named 花名册, else the workbook's first sheet) into rows of text.
 * Streaming keeps memory at the size of the rows kept, not of exceljs's cell objects
 * (loading a 20,000-row workbook whole costs about 250 MB of heap).
 */
export async function readXlsxRows(bytes: Uint8Array, maxRows: number): Promise<SheetRow[]> {
  const inflated = declaredInflatedSize(bytes);
  if (inflated === null) throw new NotAWorkbook();
  if (inflated > MAX_INFLATED_BYTES) throw new TooManyRows();

  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    entries: 'ignore',
  });
  // The loops always run to the end: exceljs spools a sheet that precedes the shared strings
  // into a temporary file and deletes it only when iteration moves past that sheet, so
  // leaving early (a return, a throw) would strand the file until the server restarts.
  let named: SheetRow[] | null = null;
  let first: SheetRow[] | null = null;
  let tooMany = false;
  try {
    for await (const sheet of reader) {
      const name = (sheet as unknown as { name?: string }).name;
      const isFirst = (reader as unknown as { model?: { sheets?: { name: string }[] } }).model?.sheets?.[0]?.name === name;
      const rows: SheetRow[] = [];
      for await (const row of sheet) {
        const values = row.values as unknown[];
        const cells = Array.from(values.slice(1), cellText); // holes (blank cells) become ''
        if (cells.every((c) => (typeof c === 'string' ? c : c.text) === '')) continue;
        // header + maxRows data rows; one more means the file is too long
        if (rows.length > maxRows) tooMany = true;
        else rows.push({ row: row.number, cells });
      }
      if (name === ROSTER_SHEET) named ??= rows;
      else if (isFirst || first === null) first = rows;
    }
  } catch {
    throw new NotAWorkbook();
  }
  if (tooMany) throw new TooManyRows();
  const chosen = named ?? first;
  if (chosen === null) throw new NotAWorkbook();
  return chosen;
}
