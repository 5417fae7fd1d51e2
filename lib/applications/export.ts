import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { listAllApplications } from './list';
import { applicationKindLabels, applicationStateLabels, type ListFilter } from './list-filter';

export const MAX_EXPORT_ROWS = 100_000;
export const SHEET_NAME = '申请列表';

const columns = [
  { header: '申请人', width: 12 },
  { header: '户主', width: 12 },
  { header: '身份证号', width: 22 },
  { header: '类型', width: 18 },
  { header: '乡镇', width: 14 },
  { header: '村（社区）', width: 18 },
  { header: '环节', width: 12 },
  { header: '申请日期', width: 12 },
  { header: '审批日期', width: 12 },
  { header: '审批人', width: 12 },
  // Yuan as a number with two decimals, so the sheet can sum it; fen in the database.
  { header: '核定月金额（元）', width: 16, style: { numFmt: '#,##0.00' } },
];

/** Waits until the client has read what is buffered, or has gone away. */
function drainedOrClosed(out: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

/**
 * Writes the user's filtered application list (every page) to `out` as XLSX, streamed row by
 * row like the household export (lib/households/export.ts), IDs masked. Audited with its filter
 * and row count, also when the client stops reading part-way.
 */
async function writeExport(user: SessionUser, filter: Omit<ListFilter, 'after'>, out: PassThrough, pageSize: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  let rows = 0;
  let truncated = false;
  let completed = false;
  try {
    let after: string | undefined;
    do {
      const page = await listAllApplications(user, { ...filter, after }, { pageSize });
      for (const a of page.rows) {
        if (rows === MAX_EXPORT_ROWS) {
          truncated = true;
          break;
        }
        sheet
          .addRow([
            a.applicantName ?? a.headName ?? '',
            a.headName ?? '',
            a.idMasked,
            applicationKindLabels[a.kind],
            a.townshipName,
            a.villageName,
            applicationStateLabels[a.state],
            a.submittedOn,
            a.decidedOn ?? '',
            a.deciderName ?? '',
            a.approvedAmountFen === null ? null : a.approvedAmountFen / 100,
          ])
          .commit();
        rows++;
      }
      after = page.nextCursor;
      if (after && rows === MAX_EXPORT_ROWS) truncated = true;
      if (out.writableNeedDrain) await drainedOrClosed(out);
      if (out.destroyed) throw new Error('export aborted by the client');
    } while (after && !truncated);
    if (truncated) {
      sheet.addRow([]).commit();
      sheet.addRow([`仅导出了前 ${MAX_EXPORT_ROWS.toLocaleString('en')} 件；请缩小筛选范围后分批导出。`]).commit();
    }
    sheet.commit();
    await workbook.commit();
    completed = true;
  } finally {
    const db = await getDb();
    await db.transaction((tx) =>
      recordAudit(tx, user, {
        action: 'application.export',
        entity: 'application',
        regionCode: user.regionCode,
        after: { filter, rows, truncated, completed },
      }),
    );
  }
}

/** The export as a web stream for a route handler; permission is checked before any byte is sent. */
export function exportApplications(user: SessionUser, filter: ListFilter, opts: { pageSize?: number } = {}): ReadableStream<Uint8Array> {
  assertCan(user, 'application.read');
  const { after: _after, ...rest } = filter;
  const out = new PassThrough();
  writeExport(user, rest, out, opts.pageSize ?? 1000).catch((e: unknown) => {
    console.error('[export] failed:', e instanceof Error ? e.message : 'unknown');
    out.destroy(e instanceof Error ? e : new Error('export failed'));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
