import 'server-only';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { streamKeysetExport } from '@/lib/core/xlsx-stream';
import { listEnrollments } from './list';
import { enrollmentStatusLabels, programLabels, type EnrollmentListFilter } from './list-filter';

export { MAX_EXPORT_ROWS } from '@/lib/core/xlsx-stream';
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

/**
 * The user's filtered beneficiaries list (every page) as XLSX, streamed row by row like the
 * applications export. Audited with its filter (the search term included: who looked for whom
 * belongs in the audit log, not in URLs) and row count, also when the client stops.
 * Permission is checked before any byte is sent.
 */
export function exportEnrollments(user: SessionUser, filter: EnrollmentListFilter, opts: { pageSize?: number } = {}): ReadableStream<Uint8Array> {
  assertCan(user, 'enrollment.read');
  const { after: _after, ...rest } = filter;
  const pageSize = opts.pageSize ?? 1000;
  return streamKeysetExport({
    sheetName: SHEET_NAME,
    columns,
    unit: '条',
    page: (after) => listEnrollments(user, { ...rest, after }, { pageSize }),
    row: (e) => [
      e.headName ?? '',
      e.memberName ?? '',
      programLabels[e.program],
      enrollmentStatusLabels[e.status],
      e.townshipName,
      e.startMonth,
      e.currentAmountFen === null ? null : e.currentAmountFen / 100,
      e.nextReviewOn ?? '',
    ],
    done: async (outcome) => {
      const db = await getDb();
      await db.transaction((tx) =>
        recordAudit(tx, user, { action: 'enrollment.export', entity: 'enrollment', regionCode: user.regionCode, after: { filter: rest, ...outcome } }),
      );
    },
  });
}
