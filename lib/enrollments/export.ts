import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { listEnrollments } from './list';
import { enrollmentStatusLabels, programLabels, type EnrollmentListFilter } from './list-filter';

export const MAX_EXPORT_ROWS = 100_000;
export const SHEET_NAME = '在册名单';

const columns = [
  { header: '户主', width: 12 },
  { header: '保障对象', width: 12 },
  { header: '项目', width: 20 },
  { header: '状态', width: 10 },
  { header: '乡镇', width: 14 },
  { header: '起始月份', width: 10 },
  // Yuan as a number with two decimals, so the sheet can sum it; fen in the database.
  { header: '当前月金额（元）', width: 16, style: { numFmt: '#,##0.00' } },
  { header: '下次复核日期', width: 14 },
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
 * Writes the user's filtered beneficiaries list (every page) to `out` as XLSX, streamed row by
 * row like the applications export. Audited with its filter (the search term included: who
 * looked for whom belongs in the audit log, not in URLs) and row count, also when the client stops.
 */
async function writeExport(user: SessionUser, filter: Omit<EnrollmentListFilter, 'after'>, out: PassThrough, pageSize: number): Promise<void> {
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
      const page = await listEnrollments(user, { ...filter, after }, { pageSize });
      for (const e of page.rows) {
        if (rows === MAX_EXPORT_ROWS) {
          truncated = true;
          break;
        }
        sheet
          .addRow([
            e.headName ?? '',
            e.memberName ?? '',
            programLabels[e.program],
            enrollmentStatusLabels[e.status],
            e.townshipName,
            e.startMonth,
            e.currentAmountFen === null ? null : e.currentAmountFen / 100,
            e.nextReviewOn ?? '',
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
      sheet.addRow([`仅导出了前 ${MAX_EXPORT_ROWS.toLocaleString('en')} 条；请缩小筛选范围后分批导出。`]).commit();
    }
    sheet.commit();
    await workbook.commit();
    completed = true;
  } finally {
    const db = await getDb();
    await db.transaction((tx) =>
      recordAudit(tx, user, {
        action: 'enrollment.export',
        entity: 'enrollment',
        regionCode: user.regionCode,
        after: { filter, rows, truncated, completed },
      }),
    );
  }
}

/** The export as a web stream for a route handler; permission is checked before any byte is sent. */
export function exportEnrollments(user: SessionUser, filter: EnrollmentListFilter, opts: { pageSize?: number } = {}): ReadableStream<Uint8Array> {
  assertCan(user, 'enrollment.read');
  const { after: _after, ...rest } = filter;
  const out = new PassThrough();
  writeExport(user, rest, out, opts.pageSize ?? 1000).catch((e: unknown) => {
    console.error('[export] failed:', e instanceof Error ? e.message : 'unknown');
    out.destroy(e instanceof Error ? e : new Error('export failed'));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
