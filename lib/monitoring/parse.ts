import 'server-only';
import { CsvError, parse as parseCsv } from 'csv-parse/sync';
import type { MonitoringFileKind } from '@/db/schema';
import { NotAWorkbook, readXlsxRows, TooManyRows, type SheetRow } from '@/lib/households/import/read-xlsx';
import { MAX_MONITORING_BYTES, MAX_MONITORING_ROWS, monitoringLayouts, type MonitoringError } from './layout';

export type ParsedFile = { ok: true; rows: { row: number; cells: Record<string, string> }[] } | { ok: false; message: string; errors: MonitoringError[] };

const refuse = (message: string, errors: MonitoringError[] = []): ParsedFile => ({ ok: false, message, errors });
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((b, i) => bytes[i] === b);

function csvRows(bytes: Uint8Array): SheetRow[] | null {
  let text: string | null = null;
  for (const encoding of ['utf-8', 'gb18030']) {
    try {
      text = new TextDecoder(encoding, { fatal: true }).decode(bytes);
      break;
    } catch {
      /* the next encoding */
    }
  }
  if (text === null) return null;
  const records = parseCsv(text, { bom: true, relax_column_count: true }) as string[][];
  const rows: SheetRow[] = [];
  records.forEach((cells, i) => {
    const trimmed = cells.map((c) => c.trim());
    if (trimmed.some((c) => c !== '')) rows.push({ row: i + 1, cells: trimmed });
  });
  return rows;
}

/** Reads a comparison file (.csv UTF-8/GBK or .xlsx) into rows keyed by header; refuses what it cannot read whole. */
export async function parseMonitoringFile(kind: MonitoringFileKind, file: { name: string; bytes: Uint8Array }): Promise<ParsedFile> {
  const { bytes } = file;
  if (bytes.length === 0) return refuse('文件是空的');
  if (bytes.length > MAX_MONITORING_BYTES) return refuse('文件超过 20 MB，请拆分成几个文件分别导入');
  let sheet: SheetRow[] | null;
  try {
    if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) sheet = await readXlsxRows(bytes, MAX_MONITORING_ROWS);
    else if (/\.(csv|txt)$/i.test(file.name)) sheet = csvRows(bytes);
    else return refuse('只能导入 .xlsx 或 .csv 文件');
  } catch (e) {
    if (e instanceof TooManyRows) return refuse(`文件超过 ${MAX_MONITORING_ROWS.toLocaleString('en')} 行，请拆分后导入`);
    if (e instanceof NotAWorkbook) return refuse('无法读取该 .xlsx 文件，请在 Excel 中重新保存后再导入');
    if (e instanceof CsvError) return refuse(`CSV 文件格式有误（第 ${e.lines ?? '?'} 行附近，多为引号不配对）`);
    throw e;
  }
  if (sheet === null) return refuse('无法识别 CSV 文件的编码，请另存为“CSV UTF-8”后再导入');
  const [header, ...body] = sheet;
  if (!header) return refuse('文件中没有数据');
  if (body.length > MAX_MONITORING_ROWS) return refuse(`文件超过 ${MAX_MONITORING_ROWS.toLocaleString('en')} 行，请拆分后导入`);

  const wanted = monitoringLayouts[kind].columns.map((c) => c.header);
  const names = header.cells.map((c) => (typeof c === 'string' ? c : c.text).replace(/[\s\u3000]+/g, ''));
  const missing = wanted.filter((h) => !names.includes(h));
  if (missing.length > 0) {
    return refuse(
      `表头与“${monitoringLayouts[kind].label}”文件格式不一致，缺少列：${missing.join('、')}`,
      missing.map((h) => ({ row: header.row, column: h, message: '缺少此列' })),
    );
  }
  if (body.length === 0) return refuse('文件只有表头，没有数据');
  const positions = wanted.map((h) => [h, names.indexOf(h)] as const);
  return {
    ok: true,
    rows: body.map(({ row, cells }) => ({
      row,
      cells: Object.fromEntries(positions.map(([h, i]) => {
        const c = cells[i];
        return [h, c === undefined ? '' : typeof c === 'string' ? c : c.text];
      })),
    })),
  };
}
