import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { getDb } from '@/db/client';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { formatAuditFields } from './field-labels';
import { tabOf, type AuditFilter } from './filter';
import { auditActionLabel, auditEntityLabel } from './labels';
import { listAuditEntries } from './queries';
import { recordAudit } from './record';

export const MAX_AUDIT_EXPORT_ROWS = 100_000;

const columns = [
  { header: '时间', width: 20, style: { numFmt: 'yyyy-mm-dd hh:mm:ss' } },
  { header: '操作人', width: 12 },
  { header: '操作', width: 22 },
  { header: '对象', width: 14 },
  { header: '对象编号', width: 38 },
  { header: '地区代码', width: 14 },
  { header: '原因', width: 40 },
  { header: '变更前', width: 50 },
  { header: '变更后', width: 50 },
];

/** China's wall time as the spreadsheet's date (a sheet has no time zone: it shows what it holds). */
const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
export const sheetDate = (at: Date) => new Date(at.getTime() + CHINA_OFFSET_MS);

const fieldsText = (v: unknown, action: string) =>
  v && typeof v === 'object' && !Array.isArray(v) ? formatAuditFields(v as Record<string, unknown>, action).map(([l, x]) => `${l}：${x}`).join('；') : '';

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
 * The filtered log (every page, newest first, the reader's scope) written to `out` as XLSX row by
 * row — keyset pages in, streamed zip out — with times as dates and every name in Chinese. The
 * export is itself audited, with its filter and row count, also when the client stops reading.
 */
async function writeExport(user: SessionUser, filter: Omit<AuditFilter, 'after'>, out: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(tabOf(filter) === 'signins' ? '登录记录' : '操作记录', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  let rows = 0;
  let truncated = false;
  let completed = false;
  try {
    let after: string | undefined;
    do {
      const page = await listAuditEntries(user, { ...filter, after }, { pageSize: 1000 });
      for (const e of page.rows) {
        if (rows === MAX_AUDIT_EXPORT_ROWS) {
          truncated = true;
          break;
        }
        sheet
          .addRow([
            sheetDate(e.at),
            e.actorName ?? '系统',
            auditActionLabel(e.action),
            auditEntityLabel(e.entity),
            e.entityId ?? '',
            e.regionCode ?? '',
            e.reason ?? '',
            fieldsText(e.before, e.action),
            fieldsText(e.after, e.action),
          ])
          .commit();
        rows++;
      }
      after = page.nextCursor;
      if (after && rows === MAX_AUDIT_EXPORT_ROWS) truncated = true;
      if (out.writableNeedDrain) await drainedOrClosed(out);
      if (out.destroyed) throw new Error('export aborted by the client');
    } while (after && !truncated);
    if (truncated) {
      sheet.addRow([]).commit();
      sheet.addRow([`仅导出了前 ${MAX_AUDIT_EXPORT_ROWS.toLocaleString('en')} 条；请缩小筛选范围后分批导出。`]).commit();
    }
    sheet.commit();
    await workbook.commit();
    completed = true;
  } finally {
    const db = await getDb();
    await db.transaction((tx) =>
      recordAudit(tx, user, { action: 'audit.export', entity: 'audit_log', regionCode: user.regionCode, after: { filter, rows, truncated, completed } }),
    );
  }
}

/** The export as a web stream for a route handler; permission is checked before any byte is sent. */
export function exportAuditLog(user: SessionUser, params: AuditFilter): ReadableStream<Uint8Array> {
  assertCan(user, 'audit.read');
  const { after: _after, ...filter } = params;
  const out = new PassThrough();
  writeExport(user, filter, out).catch((e: unknown) => {
    console.error('[audit export] failed:', e instanceof Error ? e.message : 'unknown');
    out.destroy(e instanceof Error ? e : new Error('export failed'));
  });
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}
