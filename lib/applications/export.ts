import 'server-only';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { streamKeysetExport } from '@/lib/core/xlsx-stream';
import { listAllApplications } from './list';
import { applicationKindLabels, applicationStateLabels, type ListFilter } from './list-filter';

export { MAX_EXPORT_ROWS } from '@/lib/core/xlsx-stream';
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

/**
 * The user's filtered application list (every page) as XLSX, streamed row by row like the
 * household export (lib/households/export.ts), IDs masked. Audited with its filter and row
 * count, also when the client stops reading part-way. Permission is checked before any byte is sent.
 */
export function exportApplications(user: SessionUser, filter: ListFilter, opts: { pageSize?: number } = {}): ReadableStream<Uint8Array> {
  assertCan(user, 'application.read');
  const { after: _after, ...rest } = filter;
  const pageSize = opts.pageSize ?? 1000;
  return streamKeysetExport({
    sheetName: SHEET_NAME,
    columns,
    unit: '件',
    page: (after) => listAllApplications(user, { ...rest, after }, { pageSize }),
    row: (a) => [
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
    ],
    done: async (outcome) => {
      const db = await getDb();
      await db.transaction((tx) =>
        recordAudit(tx, user, { action: 'application.export', entity: 'application', regionCode: user.regionCode, after: { filter: rest, ...outcome } }),
      );
    },
  });
}
