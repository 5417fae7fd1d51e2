import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';

/** Most rows one export writes; a note at the end of the sheet says when it stopped there. */
export const MAX_EXPORT_ROWS = 100_000;

export interface KeysetExportOutcome {
  rows: number;
  truncated: boolean;
  completed: boolean;
}

export interface KeysetExport<R> {
  sheetName: string;
  columns: Partial<ExcelJS.Column>[];
  /** One page of the list, after the cursor (undefined: the first page). */
  page: (after: string | undefined) => Promise<{ rows: R[]; nextCursor?: string }>;
  row: (r: R) => ExcelJS.CellValue[];
  /** The counting word of the truncation note: 件, 条, 户. */
  unit: string;
  /** Called once when the export ends, whole, truncated or abandoned by the client (the audit row). */
  done: (outcome: KeysetExportOutcome) => Promise<void>;
}

/** Waits until the client has read what is buffered, or has gone away. */
function drainedOrClosed(out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const finish = () => {
      out.off('drain', finish);
      out.off('close', finish);
      resolve();
    };
    out.on('drain', finish);
    out.on('close', finish);
  });
}

async function write<R>(spec: KeysetExport<R>, out: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(spec.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = spec.columns;
  sheet.getRow(1).font = { bold: true };
  // A column's number format on each cell written (a streamed row does not always take it from
  // the column): money as #,##0.00, dates as yyyy-mm-dd.
  const formats = spec.columns.flatMap((c, i) => (c.style?.numFmt ? [[i + 1, c.style.numFmt] as const] : []));
  const outcome: KeysetExportOutcome = { rows: 0, truncated: false, completed: false };
  try {
    let after: string | undefined;
    do {
      const page = await spec.page(after);
      for (const r of page.rows) {
        if (outcome.rows === MAX_EXPORT_ROWS) {
          outcome.truncated = true;
          break;
        }
        const row = sheet.addRow(spec.row(r));
        for (const [i, numFmt] of formats) row.getCell(i).numFmt = numFmt;
        row.commit();
        outcome.rows++;
      }
      after = page.nextCursor;
      if (after && outcome.rows === MAX_EXPORT_ROWS) outcome.truncated = true;
      if (out.writableNeedDrain) await drainedOrClosed(out);
      if (out.destroyed) throw new Error('export aborted by the client');
    } while (after && !outcome.truncated);
    if (outcome.truncated) {
      sheet.addRow([]).commit();
      sheet.addRow([`仅导出了前 ${MAX_EXPORT_ROWS.toLocaleString('en')} ${spec.unit}；请缩小筛选范围后分批导出。`]).commit();
    }
    sheet.commit();
    await workbook.commit();
    outcome.completed = true;
  } finally {
    await spec.done(outcome);
  }
}

/**
 * A keyset-paged list written as XLSX, streamed row by row as the client reads it (the list's
 * own query, page after page; nothing is held whole), as a web stream for a route handler.
 * The caller checks the permission before calling, so no byte goes to a user who may not have it.
 */
export function streamKeysetExport<R>(spec: KeysetExport<R>): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  write(spec, out).catch((e: unknown) => {
    console.error('[export] failed:', e instanceof Error ? e.message : 'unknown');
    out.destroy(e instanceof Error ? e : new Error('export failed'));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
