import 'server-only';
import { asc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { zipSync, strToU8, type Zippable } from 'fflate';
import { getDb } from '@/db/client';
import { applications, enrollments, households } from '@/db/schema';
import { applicationKindLabels } from '@/lib/applications/list-filter';
import { applicationStateLabels } from '@/lib/applications/flow';
import { recordAudit } from '@/lib/audit/record';
import { assertCan } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { formatDate, formatDateTime, formatFen } from '@/lib/core/format';
import { todayInChina } from '@/lib/core/time';
import { enrollmentStatusLabels, programLabels } from '@/lib/enrollments/list-filter';
import { noticeKindLabels } from '@/lib/notices/issue';
import { listHouseholdNotices, type NoticeBody } from '@/lib/notices/queries';
import { contentTypeLabels, documentKindLabels, documentOwnerLabels } from './labels';
import { ownerRecord, regionOfRecord } from './owner';
import { householdDocuments } from './queries';
import { extensionOf } from './rules';
import { documentStore } from './storage';

/** A name safe inside a ZIP on Windows and macOS alike. */
const zipName = (s: string) => s.replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]/gu, '_').slice(0, 100);

/**
 * 一户一档: the household's whole file as one ZIP — `index.xlsx` (材料, 文书, 决定 with their
 * dates), every document under 材料/ (withdrawn ones too, marked 作废 in the index), every
 * notice as issued under 文书/. Audited with what it held.
 */
export async function householdArchive(user: SessionUser, householdId: string, now: Date = new Date()): Promise<{ fileName: string; bytes: Uint8Array; documents: number; notices: number }> {
  assertCan(user, 'household.read');
  assertCan(user, 'document.read');
  const db = await getDb();
  const owner = await ownerRecord(db, user, { ownerType: 'household', ownerId: householdId });
  const [household] = await db.select({ headName: households.headName, address: households.address, villageCode: households.villageCode }).from(households).where(eq(households.id, householdId));
  const docs = await householdDocuments(db, user, householdId);
  const notices = await listHouseholdNotices(user, householdId, household!.villageCode);
  const apps = await db
    .select({ id: applications.id, kind: applications.kind, state: applications.state, acceptedOn: applications.acceptedOn, decidedOn: applications.decidedOn, approvedAmountFen: applications.approvedAmountFen })
    .from(applications)
    .where(eq(applications.householdId, householdId))
    .orderBy(asc(applications.createdAt));
  const enrols = await db
    .select({ program: enrollments.program, status: enrollments.status, startMonth: enrollments.startMonth, endMonth: enrollments.endMonth, currentAmountFen: enrollments.currentAmountFen, statusReason: enrollments.statusReason })
    .from(enrollments)
    .where(eq(enrollments.householdId, householdId))
    .orderBy(asc(enrollments.startMonth));

  const store = documentStore();
  const files: Zippable = {};
  const book = new ExcelJS.Workbook();
  const docSheet = book.addWorksheet('材料');
  docSheet.columns = [
    { header: '序号', width: 6 },
    { header: '材料类别', width: 16 },
    { header: '所属', width: 14 },
    { header: '文件名', width: 36 },
    { header: '类型', width: 8 },
    { header: '大小（字节）', width: 14 },
    { header: 'SHA-256', width: 66 },
    { header: '上传人', width: 10 },
    { header: '上传时间', width: 18 },
    { header: '状态', width: 30 },
    { header: '档案内路径', width: 50 },
  ];
  let n = 0;
  for (const d of docs) {
    n += 1;
    const stem = d.fileName.replace(/\.[^.]*$/, '');
    const pathInZip = `材料/${String(n).padStart(3, '0')}-${zipName(documentKindLabels[d.kind])}-${zipName(stem)}.${extensionOf[d.contentType]}`;
    files[pathInZip] = [await store.read(d.storageKey), { level: 0 }];
    const state = d.withdrawnAt ? `作废（${formatDate(d.withdrawnAt)}，${d.withdrawnByName ?? ''}：${d.withdrawnReason ?? ''}）` : '有效';
    docSheet.addRow([n, documentKindLabels[d.kind], documentOwnerLabels[d.ownerType], d.fileName, contentTypeLabels[d.contentType], d.sizeBytes, d.sha256, d.uploadedByName, formatDateTime(d.uploadedAt), state, pathInZip]);
  }

  const noticeSheet = book.addWorksheet('文书');
  noticeSheet.columns = [{ header: '文号', width: 26 }, { header: '文书', width: 18 }, { header: '标题', width: 30 }, { header: '制发日期', width: 12 }, { header: '档案内路径', width: 50 }];
  for (const x of notices) {
    const body = x.body as NoticeBody;
    const pathInZip = `文书/${zipName(x.number)}-${zipName(noticeKindLabels[x.kind])}.txt`;
    files[pathInZip] = [strToU8([body.title, x.number, '', `${body.recipient}：`, ...body.paragraphs, '', body.issuer, formatDate(x.issuedOn)].join('\r\n')), { level: 6 }];
    noticeSheet.addRow([x.number, noticeKindLabels[x.kind], body.title, formatDate(x.issuedOn), pathInZip]);
  }

  const decisionSheet = book.addWorksheet('决定');
  decisionSheet.columns = [{ header: '事项', width: 20 }, { header: '状态', width: 14 }, { header: '受理 / 起始', width: 14 }, { header: '决定 / 终止', width: 14 }, { header: '金额（元/月）', width: 14 }, { header: '说明', width: 30 }];
  for (const a of apps) {
    decisionSheet.addRow([`申请：${applicationKindLabels[a.kind]}`, applicationStateLabels[a.state], a.acceptedOn ? formatDate(a.acceptedOn) : '', a.decidedOn ? formatDate(a.decidedOn) : '', a.approvedAmountFen == null ? '' : formatFen(a.approvedAmountFen), '']);
  }
  for (const e of enrols) {
    decisionSheet.addRow([`在册：${programLabels[e.program]}`, enrollmentStatusLabels[e.status], e.startMonth, e.endMonth ?? '', e.currentAmountFen == null ? '' : formatFen(e.currentAmountFen), e.statusReason ?? '']);
  }
  for (const s of [docSheet, noticeSheet, decisionSheet]) s.getRow(1).font = { bold: true };

  files['index.xlsx'] = [new Uint8Array(await book.xlsx.writeBuffer()), { level: 0 }];
  const bytes = zipSync(files);
  const today = todayInChina(now);
  await db.transaction((tx) =>
    recordAudit(tx, user, {
      action: 'household.archive',
      entity: 'household',
      entityId: householdId,
      regionCode: regionOfRecord(owner),
      after: { documentCount: docs.length, noticeCount: notices.length, sizeBytes: bytes.byteLength },
    }),
  );
  return { fileName: `一户一档-${zipName(household!.headName || household!.address)}-${today}.zip`, bytes, documents: docs.length, notices: notices.length };
}
