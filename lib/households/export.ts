import 'server-only';
import type ExcelJS from 'exceljs';
import { getDb } from '@/db/client';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { todayInChina } from '@/lib/core/time';
import { streamKeysetExport } from '@/lib/core/xlsx-stream';
import { householdKinds } from './schemas';
import { searchHouseholds } from './search';
import type { SearchParams } from './search-input';

export { MAX_EXPORT_ROWS } from '@/lib/core/xlsx-stream';

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

/**
 * The user's filtered household list (the list page's filter, every page) as XLSX, row by row:
 * keyset pages in, streamed zip out, waiting for the client to keep up, so memory stays flat
 * however long the list. IDs are masked. Audited with its filter and row count, also when the
 * client stops reading part-way. Permission is checked before any byte is sent.
 */
export function exportHouseholds(user: SessionUser, params: SearchParams): ReadableStream<Uint8Array> {
  assertCan(user, 'household.read');
  const { after: _after, ...filter } = params;
  return streamKeysetExport({
    sheetName: '家庭档案',
    columns,
    unit: '户',
    page: (after) => searchHouseholds(user, { ...filter, after }, { pageSize: 1000 }),
    row: (h) => [
      h.headName ?? '（无户主）',
      h.headIdMasked,
      h.townshipName,
      h.villageName,
      h.address,
      householdKinds[h.kind],
      h.registeredPoor ? '是' : '否',
      h.memberCount,
      excelDate(h.createdAt),
    ],
    done: async (outcome) => {
      const db = await getDb();
      await db.transaction((tx) => recordAudit(tx, user, { action: 'household.export', entity: 'household', regionCode: user.regionCode, after: { filter, ...outcome } }));
    },
  });
}
