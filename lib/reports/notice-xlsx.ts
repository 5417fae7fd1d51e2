import 'server-only';
import ExcelJS from 'exceljs';
import { parseMonth } from '@/lib/core/calendar-date';
import { columnGroups, noticeBlocks, noticeColumns, type NoticeBlock } from './notice-columns';
import type { MonthlyNotice } from './notice-build';

const FIXED = 2; // 地区, 项目
const thin = { style: 'thin' as const };
const border = { top: thin, left: thin, bottom: thin, right: thin };

function addSheet(workbook: ExcelJS.Workbook, name: string, title: string, subtitle: string, blocks: NoticeBlock[]) {
  const width = FIXED + noticeColumns.length;
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: FIXED, ySplit: 4 }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.3, right: 0.3, top: 0.5, bottom: 0.5, header: 0.2, footer: 0.2 },
      printTitlesRow: '1:4',
    },
    headerFooter: { oddFooter: '&C第 &P 页，共 &N 页' },
  });
  sheet.mergeCells(1, 1, 1, width);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 16 };
  sheet.getCell(1, 1).alignment = { horizontal: 'center' };
  sheet.mergeCells(2, 1, 2, width);
  sheet.getCell(2, 1).value = subtitle;
  sheet.getCell(2, 1).alignment = { horizontal: 'center' };

  // Two header rows: the group over its columns, then each column's own heading.
  for (const [i, h] of ['地区', '项目'].entries()) {
    sheet.mergeCells(3, i + 1, 4, i + 1);
    sheet.getCell(3, i + 1).value = h;
  }
  let col = FIXED + 1;
  for (const g of columnGroups()) {
    if (g.span > 1) sheet.mergeCells(3, col, 3, col + g.span - 1);
    sheet.getCell(3, col).value = g.group;
    col += g.span;
  }
  noticeColumns.forEach((c, i) => (sheet.getCell(4, FIXED + 1 + i).value = c.header));
  for (const r of [3, 4]) {
    const row = sheet.getRow(r);
    row.font = { bold: true };
    row.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    for (let c = 1; c <= width; c++) row.getCell(c).border = border;
  }

  for (const { label, area } of blocks) {
    const first = sheet.rowCount + 1;
    for (const row of [...area.rows, area.total]) {
      const values = noticeColumns.map((c) => {
        const v = c.value(row, area);
        return v === null ? '—' : c.money ? v / 100 : v;
      });
      const added = sheet.addRow([label, row.key === '' ? '小计' : row.label, ...values]);
      added.eachCell((cell) => (cell.border = border));
      if (row.key === '') added.font = { bold: true };
    }
    if (sheet.rowCount > first) sheet.mergeCells(first, 1, sheet.rowCount, 1);
    sheet.getCell(first, 1).alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  }
  sheet.getColumn(1).width = 14;
  sheet.getColumn(2).width = 18;
  noticeColumns.forEach((c, i) => {
    const column = sheet.getColumn(FIXED + 1 + i);
    column.width = c.money ? 14 : 9;
    column.numFmt = c.money ? '#,##0.00' : '#,##0';
  });
}

/** 投诉举报 of the month: received by category, answered by outcome (counts only). */
function addComplaintSheet(workbook: ExcelJS.Workbook, c: NonNullable<MonthlyNotice['complaints']>, period: string) {
  const sheet = workbook.addWorksheet('投诉举报');
  sheet.addRow([`投诉举报情况（${period}）`]).font = { bold: true, size: 14 };
  sheet.addRow(['本月受理（按类别）', '件数']).font = { bold: true };
  for (const r of c.byCategory) sheet.addRow([r.label, r.count]);
  sheet.addRow(['合计', c.byCategory.reduce((a, r) => a + r.count, 0)]).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow(['本月办结（按办理结果）', '件数']).font = { bold: true };
  for (const r of c.byOutcome) sheet.addRow([r.label, r.count]);
  sheet.addRow(['合计', c.byOutcome.reduce((a, r) => a + r.count, 0)]).font = { bold: true };
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 10;
}

/** 监测预警 of the month: raised by rule, closed by outcome, open and overdue at its end (counts only). */
function addAlertSheet(workbook: ExcelJS.Workbook, a: NonNullable<MonthlyNotice['alerts']>, period: string) {
  const sheet = workbook.addWorksheet('监测预警');
  sheet.addRow([`监测预警情况（${period}）`]).font = { bold: true, size: 14 };
  sheet.addRow(['本月产生（按规则）', '条数']).font = { bold: true };
  for (const r of a.byRule) sheet.addRow([r.label, r.count]);
  sheet.addRow(['合计', a.byRule.reduce((n, r) => n + r.count, 0)]).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow(['本月处理（按结果）', '条数']).font = { bold: true };
  for (const r of a.byOutcome) sheet.addRow([r.label, r.count]);
  sheet.addRow(['合计', a.byOutcome.reduce((n, r) => n + r.count, 0)]).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow(['月末待处理', a.open]);
  sheet.addRow(['其中逾期', a.overdue]);
  sheet.getColumn(1).width = 24;
  sheet.getColumn(2).width = 10;
}

/**
 * 月通报 as an XLSX ready to print: A4 landscape fitted to the page width, the title and the
 * two header rows repeated on every page, page numbers in the footer; money in yuan as numbers
 * so the sheet can be summed. The first sheet has one block per county (or the user's
 * township), the second the townships inside them.
 */
export async function noticeWorkbook(notice: MonthlyNotice, generatedOn: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '兜底';
  const { year, month } = parseMonth(notice.month);
  const title = `${notice.scope.name}困难群众生活救助资金发放月通报`;
  const subtitle = `${year} 年 ${month} 月（与 ${notice.previousMonth} 比较） · 金额单位：元 · 数据来自已审批的发放批次，截至 ${generatedOn}`;
  const { main, townships } = noticeBlocks(notice);
  addSheet(workbook, '月通报', title, subtitle, main);
  if (townships.length > 0) addSheet(workbook, '乡镇明细', `${title}（乡镇明细）`, subtitle, townships);
  if (notice.complaints) addComplaintSheet(workbook, notice.complaints, `${year} 年 ${month} 月`);
  if (notice.alerts) addAlertSheet(workbook, notice.alerts, `${year} 年 ${month} 月`);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
