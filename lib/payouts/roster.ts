import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import { and, asc, eq, gt, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import ExcelJS from 'exceljs';
import { getDb } from '@/db/client';
import { members, payoutLines, regions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';
import { todayInChina } from '@/lib/core/time';
import { maskAccount, maskIdNumber } from '@/lib/households/mask';
import { civilAffairsOffice } from '@/lib/regions/bureau';
import { assertRunVisible } from './access';
import { findRun } from './generate';
import { kindLabels, lineStatusLabels, programLabels } from './labels';
import { lineScope } from './queries';

const PAGE = 2000;
const township = alias(regions, 'township');
const village = alias(regions, 'village');
const columns: [string, number][] = [
  ['序号', 10], ['乡镇', 12], ['村（社区）', 16], ['户主', 10], ['身份证号', 22], ['项目', 20], ['类别', 10], ['保障人数', 8],
  ['保障金（元）', 12], ['分类施保金（元）', 14], ['合计（元）', 12], ['账户名', 10], ['开户银行', 22], ['账号', 24], ['状态', 12], ['领款人签字', 14],
];
/** 保障金, 分类施保金 and 合计: numbers in yuan, shown with two decimals, so the sheet can sum them. */
const moneyColumns = [9, 10, 11];
const MONEY = '#,##0.00';
const ruled: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

/** A row of the ruled table: every cell boxed (the signature column too), money as 元 with two decimals. */
function tableRow(sheet: ExcelJS.Worksheet, values: unknown[]): ExcelJS.Row {
  const row = sheet.addRow(values);
  for (let c = 1; c <= columns.length; c++) row.getCell(c).border = ruled;
  for (const c of moneyColumns) row.getCell(c).numFmt = MONEY;
  return row;
}

/** 保障金 / 分类施保金 of a line from its working: dibao's 补差 and 分类施保; otherwise the whole amount. */
export function rosterSplit(kind: string, amountFen: number, working: unknown): { basicFen: number; classifiedFen: number } {
  const c = (working as { components?: { gap?: unknown; classified?: unknown } } | null)?.components;
  if (kind === 'enrollment' && typeof c?.gap === 'number' && typeof c.classified === 'number' && c.gap + c.classified === amountFen) {
    return { basicFen: c.gap, classifiedFen: c.classified };
  }
  return { basicFen: amountFen, classifiedFen: 0 };
}

const yuan = (fen: number) => fen / 100;

/**
 * 花名册 of a run for the paper file, as XLSX: a title row with the county and month, then the
 * lines of the user's area with masked IDs and accounts (a display export), streamed a keyset
 * page at a time, a total row, a 领款人签字 column to sign in ink, and who made the sheet. Audited.
 */
export async function exportRoster(user: SessionUser, runId: string) {
  assertCan(user, 'payout.read');
  const db = await getDb();
  const run = await findRun(db, runId);
  assertRunVisible(user, run?.countyCode);
  if (!run) throw new AppError('not_found');
  const [county] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, run.countyCode));
  const title = `${county?.name ?? run.countyCode} ${run.month} 困难群众生活救助资金发放花名册`;
  await db.transaction((tx) =>
    recordAudit(tx, user, { action: 'payout.roster', entity: 'payout_run', entityId: run.id, regionCode: user.regionCode, after: { month: run.month, county: run.countyCode, state: run.state } }),
  );
  const out = new PassThrough();
  const write = async () => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet(`花名册 ${run.month}`, {
      views: [{ state: 'frozen', ySplit: 2 }],
      pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
      headerFooter: { oddFooter: '第 &P 页 共 &N 页' },
    });
    sheet.columns = columns.map(([, width]) => ({ width }));
    const titleRow = sheet.addRow([title]);
    titleRow.font = { bold: true, size: 16 };
    titleRow.height = 28;
    titleRow.alignment = { horizontal: 'center', vertical: 'middle' };
    sheet.mergeCells(1, 1, 1, columns.length);
    titleRow.commit();
    const header = tableRow(sheet, columns.map(([h]) => h));
    header.font = { bold: true };
    header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    header.commit();
    let after = 0;
    const sum = { persons: 0, basic: 0, classified: 0, total: 0, lines: 0 };
    for (;;) {
      const page = await db
        .select({
          l: {
            id: payoutLines.id,
            kind: payoutLines.kind,
            program: payoutLines.program,
            persons: payoutLines.persons,
            amountFen: payoutLines.amountFen,
            // Only the split of the amount, not the whole working.
            components: sql<unknown>`jsonb_build_object('components', ${payoutLines.components}->'components')`,
            blocked: payoutLines.blocked,
            blockReason: payoutLines.blockReason,
            status: payoutLines.status,
            bankName: payoutLines.bankName,
            bankAccount: payoutLines.bankAccount,
            bankAccountHolder: payoutLines.bankAccountHolder,
          },
          idNumber: members.idNumber,
          headName: members.name,
          township: township.name,
          village: village.name,
        })
        .from(payoutLines)
        .leftJoin(members, and(eq(members.householdId, payoutLines.householdId), eq(members.isHead, true), eq(members.status, 'active')))
        .leftJoin(township, eq(township.code, payoutLines.townshipCode))
        .leftJoin(village, eq(village.code, payoutLines.villageCode))
        .where(and(eq(payoutLines.runId, run.id), lineScope(user), gt(payoutLines.id, after)))
        .orderBy(asc(payoutLines.runId), asc(payoutLines.id)) // the run's (run_id, id) index, in order
        .limit(PAGE);
      for (const { l, idNumber, headName, township: t, village: v } of page) {
        const split = rosterSplit(l.kind, l.amountFen, l.components);
        const status = l.blocked ? `受阻：${l.blockReason ?? ''}` : l.kind === 'recovery' ? '随所扣明细' : (lineStatusLabels[l.status] ?? l.status);
        tableRow(sheet, [l.id, t ?? '', v ?? '', headName ?? '', idNumber ? maskIdNumber(idNumber) : '', programLabels[l.program] ?? l.program, kindLabels[l.kind] ?? l.kind,
            l.kind === 'enrollment' ? l.persons : '', yuan(split.basicFen), yuan(split.classifiedFen), yuan(l.amountFen), l.bankAccountHolder ?? '', l.bankName ?? '',
            maskAccount(l.bankAccount), status, '']).commit();
        if (l.kind === 'enrollment') sum.persons += l.persons;
        sum.basic += split.basicFen;
        sum.classified += split.classifiedFen;
        sum.total += l.amountFen;
        sum.lines++;
      }
      if (out.writableNeedDrain) await new Promise((r) => out.once('drain', r));
      if (out.destroyed) throw new Error('roster aborted by the client');
      if (page.length < PAGE) break;
      after = page.at(-1)!.l.id;
    }
    const total = tableRow(sheet, ['合计', `${sum.lines} 条`, '', '', '', '', '', sum.persons, yuan(sum.basic), yuan(sum.classified), yuan(sum.total)]);
    total.font = { bold: true };
    total.commit();
    sheet.addRow([]).commit();
    sheet.addRow([`制表单位：${civilAffairsOffice(user.regionName, user.regionLevel)}`, '', '', `制表人：${user.name}`, '', '审核人：', '', '', `制表日期：${todayInChina()}`]).commit();
    sheet.commit();
    await workbook.commit();
  };
  write().catch((e: unknown) => {
    console.error('[roster] failed:', e instanceof Error ? e.message : 'unknown');
    out.destroy(e instanceof Error ? e : new Error('roster failed'));
  });
  return { run, stream: Readable.toWeb(out) as ReadableStream<Uint8Array> };
}
