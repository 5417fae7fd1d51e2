import 'server-only';
import { PassThrough, Readable } from 'node:stream';
import { and, asc, eq, gt, isNotNull, ne, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import ExcelJS from 'exceljs';
import { getDb, type Db } from '@/db/client';
import { members, payoutLines, payoutRuns, regions } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record';
import { assertCan, assertCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError, refuse } from '@/lib/core/errors';
import { maskIdNumber } from '@/lib/households/mask';
import { lockRun, type PayoutRun } from './generate';
import { summaryText } from './labels';
import { recoveriesOf } from './queries';
import { plainYuan } from '@/lib/core/money';
import { bankAccountKinds } from '@/lib/households/bank-account';
import { payoutMessages } from './messages';
import { institutionAccountKindLabel } from '@/lib/institutions/labels';

const resident = alias(members, 'resident');

// The bank file: one row per payment the bank makes (every unblocked line but 扣回, which is netted
// into the enrollment line it reduces), then one control row. Layout documented in README.md
// ("Bank file"); the return file refers to rows by 序号, the line id.
export const BANK_COLUMNS = ['序号', '收款人', '身份证号', '开户银行', '账户类型', '账号', '金额（元）', '摘要'] as const;
const PAGE = 2000;

export interface BankRow {
  id: number;
  holder: string;
  idMasked: string;
  bankName: string;
  kind: string;
  account: string;
  fen: number;
  summary: string;
}

/** The bank rows of a run in line-id order, a keyset page at a time: memory stays flat. */
export async function* bankRows(db: Db, runId: string): AsyncGenerator<BankRow> {
  const recoveries = await recoveriesOf(db, runId);
  let after = 0;
  for (;;) {
    const page = await db
      .select({
        l: {
          id: payoutLines.id,
          kind: payoutLines.kind,
          program: payoutLines.program,
          month: payoutLines.month,
          enrollmentId: payoutLines.enrollmentId,
          amountFen: payoutLines.amountFen,
          bankName: payoutLines.bankName,
          bankAccountKind: payoutLines.bankAccountKind,
          bankAccount: payoutLines.bankAccount,
          bankAccountHolder: payoutLines.bankAccountHolder,
          payeeInstitutionId: payoutLines.payeeInstitutionId,
        },
        idNumber: members.idNumber,
        residentName: resident.name,
      })
      .from(payoutLines)
      .leftJoin(members, and(eq(members.householdId, payoutLines.householdId), eq(members.isHead, true), eq(members.status, 'active')))
      .leftJoin(resident, and(isNotNull(payoutLines.payeeInstitutionId), eq(resident.id, payoutLines.memberId)))
      .where(and(eq(payoutLines.runId, runId), gt(payoutLines.id, after), eq(payoutLines.blocked, false), ne(payoutLines.kind, 'recovery')))
      .orderBy(asc(payoutLines.runId), asc(payoutLines.id)) // the run's (run_id, id) index, in order
      .limit(PAGE);
    for (const { l, idNumber, residentName } of page) {
      // 集中供养: the institution is the payee (its account name, no resident ID), the resident named in 摘要.
      const institution = l.payeeInstitutionId !== null;
      yield {
        id: l.id,
        holder: l.bankAccountHolder ?? '',
        idMasked: !institution && idNumber ? maskIdNumber(idNumber) : '',
        bankName: l.bankName ?? '',
        kind: institution ? institutionAccountKindLabel : bankAccountKinds[l.bankAccountKind === 'passbook' ? 'passbook' : 'card'],
        account: l.bankAccount ?? '',
        fen: l.amountFen + (l.kind === 'enrollment' && l.enrollmentId ? (recoveries.get(l.enrollmentId) ?? 0) : 0),
        summary: institution ? `${summaryText(l)} 集中供养 ${residentName ?? ''}`.trimEnd() : summaryText(l),
      };
    }
    if (page.length < PAGE) return;
    after = page.at(-1)!.l.id;
  }
}

/** A CSV cell: quoted when needed; a leading = + - @ is defused so a spreadsheet never runs it. */
function cell(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && typeof v === 'string') s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function drained(out: PassThrough): Promise<void> {
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

async function writeCsv(db: Db, run: PayoutRun, label: string, out: PassThrough): Promise<void> {
  out.write('\uFEFF' + BANK_COLUMNS.join(',') + '\r\n');
  let count = 0;
  let total = 0;
  let buf = '';
  for await (const r of bankRows(db, run.id)) {
    buf += [r.id, cell(r.holder), r.idMasked, cell(r.bankName), r.kind, cell(r.account), plainYuan(r.fen), cell(r.summary)].join(',') + '\r\n';
    count++;
    total += r.fen;
    if (buf.length > 64 * 1024) {
      if (!out.write(buf)) await drained(out);
      buf = '';
      if (out.destroyed) throw new Error('bank file aborted by the client');
    }
  }
  out.write(buf + ['合计', count, '', '', '', '', plainYuan(total), cell(label)].join(',') + '\r\n');
  out.end();
}

async function writeXlsx(db: Db, run: PayoutRun, label: string, out: PassThrough): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('银行代发', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = BANK_COLUMNS.map((header, i) => ({ header, width: [10, 12, 22, 24, 8, 24, 12, 28][i] }));
  sheet.getRow(1).font = { bold: true };
  let count = 0;
  let total = 0;
  for await (const r of bankRows(db, run.id)) {
    // Account and ID as text: a spreadsheet would round a 19-digit number.
    sheet.addRow([r.id, r.holder, r.idMasked, r.bankName, r.kind, r.account, plainYuan(r.fen), r.summary]).commit();
    count++;
    total += r.fen;
    if (count % 1000 === 0) {
      if (out.writableNeedDrain) await drained(out);
      if (out.destroyed) throw new Error('bank file aborted by the client');
    }
  }
  sheet.addRow(['合计', count, '', '', '', '', plainYuan(total), label]).commit();
  sheet.commit();
  await workbook.commit();
}

/**
 * The bank file of an approved run, streamed. Only those who send it (the county's finance staff,
 * who approve nothing) get it, since it carries full account numbers; each export is
 * audited before the first byte, and the first one moves the run to "exported".
 */
export async function exportBankFile(user: SessionUser, runId: string, format: 'csv' | 'xlsx') {
  assertCan(user, 'payout.bank_file');
  const db = await getDb();
  const run = await db.transaction(async (tx) => {
    const r = await lockRun(tx, runId);
    assertCovers(user, r?.countyCode);
    if (!r) throw new AppError('not_found');
    if (r.state === 'draft') throw refuse('precondition', payoutMessages.bankFileBeforeApproval);
    if (r.state === 'approved') {
      await tx.update(payoutRuns).set({ state: 'exported', exportedAt: new Date(), version: sql`${payoutRuns.version} + 1` }).where(eq(payoutRuns.id, r.id));
    }
    const summary = (r.summary ?? {}) as { payableLines?: number; payableFen?: number };
    await recordAudit(tx, user, {
      action: 'payout.bank_file',
      entity: 'payout_run',
      entityId: r.id,
      regionCode: r.countyCode,
      before: { state: r.state },
      after: { format, fullAccountNumbers: true, lines: summary.payableLines ?? null, totalFen: summary.payableFen ?? null },
    });
    return r;
  });
  const [county] = await db.select({ name: regions.name }).from(regions).where(eq(regions.code, run.countyCode));
  const label = `${county?.name ?? run.countyCode} ${run.month} 发放批次 ${run.id}`;
  const out = new PassThrough();
  (format === 'csv' ? writeCsv(db, run, label, out) : writeXlsx(db, run, label, out)).catch((e: unknown) => {
    console.error('[bank-file] failed:', e instanceof Error ? e.message : 'unknown');
    out.destroy(e instanceof Error ? e : new Error('bank file failed'));
  });
  return { run, countyName: county?.name ?? run.countyCode, stream: Readable.toWeb(out) as ReadableStream<Uint8Array> };
}
