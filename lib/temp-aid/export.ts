import 'server-only';
import ExcelJS from 'exceljs';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { aidKindLabels, caseStateLabels, causeLabels } from './labels';
import { listCases } from './queries';
import type { CaseFilter } from './schemas';

export const MAX_EXPORT_CASES = 20_000;

const columns = [
  { header: '开始日期', width: 12 },
  { header: '户主', width: 12 },
  { header: '乡镇', width: 14 },
  { header: '村（社区）', width: 18 },
  { header: '类型', width: 18 },
  { header: '事由', width: 14 },
  { header: '状态', width: 18 },
  { header: '申请/先行金额（元）', width: 16 },
  { header: '批准金额（元）', width: 14 },
  { header: '已发放（元）', width: 14 },
  { header: '办结期限', width: 12 },
  { header: '超期', width: 6 },
  { header: '同因重复', width: 10 },
];

const yuan = (fen: number | null) => (fen === null ? null : fen / 100);

/**
 * The filtered case list as XLSX (numbers as numbers, in yuan, so the sheet can sum them); the
 * export is audited with its filter and row count. Households appear by head name only.
 */
export async function exportCases(user: SessionUser, filter: CaseFilter, now: Date = new Date()): Promise<Buffer> {
  assertCan(user, 'tempaid.read');
  const rows = await listCases(user, filter, now, MAX_EXPORT_CASES);
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('临时救助', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    sheet.addRow([
      r.openedOn,
      r.headName ?? '',
      r.townshipName,
      r.villageName,
      aidKindLabels[r.kind],
      causeLabels[r.cause],
      caseStateLabels[r.state],
      yuan(r.requestedFen),
      yuan(r.approvedFen),
      yuan(r.paidFen),
      r.deadlineOn ?? '',
      r.overdue ? '是' : '',
      r.sameCauseFlag ? '是' : '',
    ]);
  }
  for (const col of [8, 9, 10]) sheet.getColumn(col).numFmt = '#,##0.00';
  const buffer = Buffer.from(await workbook.xlsx.writeBuffer());
  const db = await getDb();
  await db.transaction((tx) => recordAudit(tx, user, { action: 'tempaid.export', entity: 'temp_aid_case', regionCode: user.regionCode, after: { filter, rows: rows.length } }));
  return buffer;
}
