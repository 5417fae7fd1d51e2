import 'server-only';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import { MAX_ROSTER_BYTES, MAX_ROSTER_ROWS, rosterHeaders, type RosterError, type RosterHeader, type RosterRow } from './layout';
import { NotAWorkbook, readXlsxRows, TooManyRows, type CellText, type SheetRow } from './read-xlsx';

export type ParsedRoster = { ok: true; rows: RosterRow[] } | { ok: false; message: string; errors: RosterError[] };

const refuse = (message: string, errors: RosterError[] = []): ParsedRoster => ({ ok: false, message, errors });
const tooMany = () => refuse(`文件超过 ${MAX_ROSTER_ROWS.toLocaleString('en')} 行，请拆分成几个文件分别导入`);

const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

/**
 * CSV saved by Excel is UTF-8 ("CSV UTF-8", with a BOM) or, from a Chinese Excel's plain
 * "CSV", GBK. Node's own WHATWG decoder handles both (GB18030 is a superset of GBK), so no
 * library is needed; anything that is neither is refused rather than imported as mojibake.
 */
export function decodeCsv(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return null; // UTF-16
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
    } catch {
      /* try the next encoding */
    }
  }
  return null;
}

function readCsvRows(bytes: Uint8Array): SheetRow[] | ParsedRoster {
  const text = decodeCsv(bytes);
  if (text === null) return refuse('无法识别 CSV 文件的编码，请在 Excel 中“另存为”“CSV UTF-8”或 .xlsx 后再导入');
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, relax_column_count: true, skip_empty_lines: false }) as string[][];
  } catch (e) {
    if (e instanceof CsvError) return refuse(`CSV 文件格式有误（第 ${e.lines ?? '?'} 行附近，多为引号不配对），请检查后再导入`);
    throw e;
  }
  // A record is one spreadsheet row, whatever newlines its quoted cells hold.
  const rows: SheetRow[] = [];
  records.forEach((cells, i) => {
    const trimmed = cells.map((c) => c.trim());
    if (trimmed.some((c) => c !== '')) rows.push({ row: i + 1, cells: trimmed });
  });
  return rows;
}

const textOf = (c: CellText | undefined) => (c === undefined ? '' : typeof c === 'string' ? c : c.text);
const normalizeHeader = (h: string) => h.replace(/[\s\u3000]+/g, '');

/** Maps the header row to column positions, or names every missing, unknown or repeated column. */
function readHeader(header: SheetRow, body: SheetRow[]): Map<RosterHeader, number> | ParsedRoster {
  const known = new Set<string>(rosterHeaders);
  const positions = new Map<RosterHeader, number>();
  const errors: RosterError[] = [];
  header.cells.forEach((cell, i) => {
    const name = normalizeHeader(textOf(cell));
    if (name === '') {
      // A blank header is fine over a blank column (Excel often reports a few), not over data.
      if (body.some((r) => textOf(r.cells[i]) !== '')) errors.push({ row: header.row, column: `第 ${i + 1} 列`, message: '该列有数据但没有列名' });
    } else if (!known.has(name)) errors.push({ row: header.row, column: name, message: '无法识别的列名' });
    else if (positions.has(name as RosterHeader)) errors.push({ row: header.row, column: name, message: '列名重复' });
    else positions.set(name as RosterHeader, i);
  });
  const missing = rosterHeaders.filter((h) => !positions.has(h));
  for (const h of missing) errors.push({ row: header.row, column: h, message: '缺少此列' });
  if (errors.length === 0) return positions;
  const parts = [
    missing.length ? `缺少列：${missing.join('、')}` : '',
    errors.some((e) => e.message !== '缺少此列') ? `有问题的列：${errors.filter((e) => e.message !== '缺少此列').map((e) => e.column).join('、')}` : '',
  ].filter(Boolean);
  return refuse(`表头与导入模板不一致（${parts.join('；')}），请使用“下载导入模板”中的表头`, errors);
}

/** Reads an uploaded roster (.xlsx or .csv) into rows of text keyed by header; refuses what it cannot read whole. */
export async function parseRosterFile(file: { name: string; bytes: Uint8Array }): Promise<ParsedRoster> {
  const { bytes } = file;
  const ext = file.name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? '';
  if (bytes.length === 0) return refuse('文件是空的');
  if (bytes.length > MAX_ROSTER_BYTES) return refuse('文件超过 10 MB，请拆分成几个文件分别导入');

  let sheet: SheetRow[] | ParsedRoster;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    try {
      sheet = await readXlsxRows(bytes, MAX_ROSTER_ROWS);
    } catch (e) {
      if (e instanceof TooManyRows) return tooMany();
      if (e instanceof NotAWorkbook) return refuse('无法读取该 .xlsx 文件，请在 Excel 中重新保存后再导入');
      throw e;
    }
  } else if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    return refuse('不支持旧版 .xls 文件，请在 Excel 中“另存为” .xlsx 后再导入');
  } else if (ext === 'csv' || ext === 'txt') {
    sheet = readCsvRows(bytes);
  } else {
    return refuse('只能导入 .xlsx 或 .csv 文件');
  }
  if (!Array.isArray(sheet)) return sheet;

  const [header, ...body] = sheet;
  if (!header) return refuse('文件中没有数据');
  if (body.length > MAX_ROSTER_ROWS) return tooMany();
  const positions = readHeader(header, body);
  if (!(positions instanceof Map)) return positions;
  if (body.length === 0) return refuse('文件只有表头，没有成员数据');

  const rows = body.map(({ row, cells }): RosterRow => {
    const out: RosterRow = { row, cells: {} };
    for (const [h, i] of positions) {
      const cell = cells[i];
      out.cells[h] = textOf(cell);
      if (typeof cell === 'object') (out.cellErrors ??= {})[h] = cell.problem;
    }
    return out;
  });
  return { ok: true, rows };
}
