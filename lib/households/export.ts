import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { todayInChina } from '@/lib/core/time';
import { householdKinds } from './schemas';
import { searchHouseholds } from './search';
import type { SearchParams } from './search-input';

export const MAX_EXPORT_ROWS = 100_000;

/**
 * The day a household was registered, in China, as an Excel date: a real date cell the office can
 * sort and filter, not text. Excel dates have no time zone, so the cell carries the Chinese
 * calendar day at midnight UTC (which ExcelJS writes as that day's serial number).
 */
export const excelDate = (at: Date | string) => new Date(`${todayInChina(new Date(at))}T00:00:00Z`);

const columns: Partial<ExcelJS.Column>[] = [
  { header: '户主', width: 12 },
  { header: '身份证号', width: 22 },
  { header: '乡镇', width: 14 },
  { header: '村', width: 18 },
  { header: '住址', width: 32 },
  { header: '城乡', width: 8 },
  { header: '建档立卡', width: 10 },
  { header: '人数', width: 8 },
  { header: '登记日期', width: 12, style: { numFmt: 'yyyy-mm-dd' } },
];

type Filter = Omit<SearchParams, 'after'>;

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
 * Writes the user's filtered household list (the list page's filter, every page) to `out` as
 * XLSX, row by row: keyset pages in, streamed zip out, waiting for the client to keep up, so
 * memory stays flat however long the list. IDs are masked. The export is audited with its
 * filter and row count, also when the client stops reading part-way.
 */
async function writeExport(user: SessionUser, filter: Filter, out: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('家庭档案', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  let rows = 0;
  let truncated = false;
  let completed = false;
  try {
    let after: string | undefined;
    do {
      const page = await searchHouseholds(user, { ...filter, after }, { pageSize: 1000 });
      for (const h of page.rows) {
        if (rows === MAX_EXPORT_ROWS) {
          truncated = true;
          break;
        }
        const row = sheet.addRow([
            h.headName ?? '（无户主）',
            h.headIdMasked,
            h.townshipName,
            h.villageName,
            h.address,
            householdKinds[h.kind],
            h.registeredPoor ? '是' : '否',
            h.memberCount,
            excelDate(h.createdAt),
          ]);
        row.getCell(9).numFmt = 'yyyy-mm-dd';
        row.commit();
        rows++;
      }
      after = page.nextCursor;
      if (after && rows === MAX_EXPORT_ROWS) truncated = true;
      if (out.writableNeedDrain) await drainedOrClosed(out);
      if (out.destroyed) throw new Error('export aborted by the client');
    } while (after && !truncated);
    if (truncated) {
      sheet.addRow([]).commit();
      sheet.addRow([`仅导出了前 ${MAX_EXPORT_ROWS.toLocaleString('en')} 户；请缩小筛选范围后分批导出。`]).commit();
    }
    sheet.commit();
    await workbook.commit();
    completed = true;
  } finally {
    const db = await getDb();
    await db.transaction((tx) =>
      recordAudit(tx, user, {
        action: 'household.export',
        entity: 'household',
        regionCode: user.regionCode,
        after: { filter, rows, truncated, completed },
      }),
    );
  }
}

/** The export as a web stream for a route handler; permission is checked before any byte is sent. */
export function exportHouseholds(user: SessionUser, params: SearchParams): ReadableStream<Uint8Array> {
  assertCan(user, 'household.read');
  const { after: _after, ...filter } = params;
  const out = new PassThrough();
  writeExport(user, filter, out).catch((e: unknown) => {
    console.error('[export] failed:', e instanceof Error ? e.message : 'unknown');
    out.destroy(e instanceof Error ? e : new Error('export failed'));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
