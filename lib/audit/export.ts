import 'server-only';
import type ExcelJS from 'exceljs';
import { getDb } from '@/db/client';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { MAX_EXPORT_ROWS, streamKeysetExport } from '@/lib/core/xlsx-stream';
import { formatAuditFields } from './field-labels';
import { tabOf, type AuditFilter } from './filter';
import { auditActionLabel, auditEntityLabel } from './labels';
import { listAuditEntries } from './queries';
import { recordAudit } from './record';

export const MAX_AUDIT_EXPORT_ROWS = MAX_EXPORT_ROWS;

const columns: Partial<ExcelJS.Column>[] = [
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

/**
 * The filtered log (every page, newest first, the reader's scope) as XLSX row by row — keyset
 * pages in, streamed zip out — with times as dates and every name in Chinese. The export is itself
 * audited, with its filter and row count, also when the client stops reading. Permission is
 * checked before any byte is sent.
 */
export function exportAuditLog(user: SessionUser, params: AuditFilter): ReadableStream<Uint8Array> {
  assertCan(user, 'audit.read');
  const { after: _after, ...filter } = params;
  return streamKeysetExport({
    sheetName: tabOf(filter) === 'signins' ? '登录记录' : '操作记录',
    columns,
    unit: '条',
    page: (after) => listAuditEntries(user, { ...filter, after }, { pageSize: 1000 }),
    row: (e) => [
      sheetDate(e.at),
      e.actorName ?? '系统',
      auditActionLabel(e.action),
      auditEntityLabel(e.entity),
      e.entityId ?? '',
      e.regionCode ?? '',
      e.reason ?? '',
      fieldsText(e.before, e.action),
      fieldsText(e.after, e.action),
    ],
    done: async (outcome) => {
      const db = await getDb();
      await db.transaction((tx) => recordAudit(tx, user, { action: 'audit.export', entity: 'audit_log', regionCode: user.regionCode, after: { filter, ...outcome } }));
    },
  });
}
