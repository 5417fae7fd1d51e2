// 材料 and the 一户一档 against real PostgreSQL: the type read from the content (a renamed .exe
// refused), the size limit, duplicates by hash, region scoping (out of region answers not found),
// insert-only rows and content-addressed files, every download audited, the S3 adapter against a
// local S3-compatible server the test starts (s3rver), and the archive ZIP with its index.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import S3rver from 's3rver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applications, auditLog, documents } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/types';
import { intakeComplaint } from '@/lib/complaints/intake';
import { AppError } from '@/lib/core/errors';
import { todayInChina } from '@/lib/core/time';
import { householdArchive } from '@/lib/documents/archive';
import { listDocuments, openDocument } from '@/lib/documents/queries';
import { MAX_DOCUMENT_BYTES, storageKeyOf } from '@/lib/documents/rules';
import { s3Store } from '@/lib/documents/storage';
import { uploadDocument } from '@/lib/documents/upload';
import { withdrawDocument } from '@/lib/documents/withdraw';
import { appDb, insertHousehold, signedIn } from './support/app';

const docsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-docs-'));
process.env.DOUDI_DOCUMENTS_DIR = docsDir;
afterAll(() => fs.rmSync(docsDir, { recursive: true, force: true }));

/** A real 1×1 PNG, made unique by a text chunk so every test's file has its own hash. */
function png(tag = crypto.randomUUID()): Uint8Array {
  const head = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');
  const text = Buffer.concat([Buffer.from('tEXtc\0'), Buffer.from(tag)]);
  const chunk = Buffer.concat([Buffer.alloc(4), text, Buffer.alloc(4)]);
  chunk.writeUInt32BE(text.length - 4, 0);
  const tail = Buffer.from('0000000d49444154789c626001000000ffff030000060005570bfa0000000049454e44ae426082', 'hex');
  return new Uint8Array(Buffer.concat([head, chunk, tail]));
}
const pdf = (tag = crypto.randomUUID()) => new TextEncoder().encode(`%PDF-1.4\n% ${tag}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n`);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const e = await p.then(() => null, (x: unknown) => x);
  expect(e).toBeInstanceOf(AppError);
  return e as AppError;
}
async function bytesOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
const countFor = async (householdId: string) => (await (await appDb()).select({ id: documents.id }).from(documents).where(eq(documents.householdId, householdId))).length;

let caseworker: SessionUser;
let outsider: SessionUser;
let auditor: SessionUser;
beforeAll(async () => {
  [caseworker, outsider, auditor] = await Promise.all([signedIn('caseworker'), signedIn('caseworker2'), signedIn('auditor')]);
});

describe('uploading documents', () => {
  it('stores a PNG under its SHA-256, lists it on the household and audits the upload', async () => {
    const householdId = await insertHousehold(await appDb());
    const file = png();
    const { id, sha256 } = await uploadDocument(caseworker, { ownerType: 'household', ownerId: householdId, kind: 'hukou' }, { name: '户口簿首页.png', bytes: file });
    expect(sha256).toBe(sha(file));
    const stored = path.join(docsDir, storageKeyOf(sha256));
    expect(new Uint8Array(fs.readFileSync(stored))).toEqual(file);

    const [row] = await listDocuments(caseworker, { ownerType: 'household', ownerId: householdId });
    expect(row).toMatchObject({ id, kind: 'hukou', fileName: '户口簿首页.png', contentType: 'image/png', sizeBytes: file.byteLength, sha256, uploadedByName: '王晓梅', withdrawnAt: null });
    // The auditor may read the list too.
    expect((await listDocuments(auditor, { ownerType: 'household', ownerId: householdId })).map((d) => d.id)).toEqual([id]);

    const [audit] = await (await appDb()).select().from(auditLog).where(and(eq(auditLog.action, 'document.upload'), eq(auditLog.entityId, householdId)));
    expect(audit).toMatchObject({ entity: 'household', actorId: caseworker.id, regionCode: '141130101200' });
    expect(audit!.after).toMatchObject({ documentId: id, documentKind: 'hukou', fileName: '户口簿首页.png', sha256 });
  });

  it('refuses a renamed .exe as .pdf, an empty file and a file over 10 MB, writing nothing', async () => {
    const householdId = await insertHousehold(await appDb());
    const owner = { ownerType: 'household' as const, ownerId: householdId, kind: 'application_form' as const };
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00]);
    expect((await refusal(uploadDocument(caseworker, owner, { name: '申请书.pdf', bytes: exe }))).fieldErrors).toEqual({ file: '只能上传 PDF、JPEG 或 PNG 文件（按文件内容识别，改扩展名无效）' });
    expect((await refusal(uploadDocument(caseworker, owner, { name: '空.pdf', bytes: new Uint8Array() }))).fieldErrors).toEqual({ file: '请选择要上传的文件' });
    const big = new Uint8Array(MAX_DOCUMENT_BYTES + 1);
    big.set(pdf('big'));
    expect((await refusal(uploadDocument(caseworker, owner, { name: '大.pdf', bytes: big }))).fieldErrors).toEqual({ file: '文件超过 10 MB，请压缩或分页扫描后再上传' });
    // Exactly at the limit is accepted.
    const limit = new Uint8Array(MAX_DOCUMENT_BYTES);
    limit.set(pdf('limit'));
    await uploadDocument(caseworker, owner, { name: '刚好.pdf', bytes: limit });
    expect(await countFor(householdId)).toBe(1);
  });

  it('refuses the same file twice on one record, but stores it once for another record', async () => {
    const db = await appDb();
    const householdId = await insertHousehold(db);
    const file = pdf();
    await uploadDocument(caseworker, { ownerType: 'household', ownerId: householdId, kind: 'consent' }, { name: '授权书.pdf', bytes: file });
    expect((await refusal(uploadDocument(caseworker, { ownerType: 'household', ownerId: householdId, kind: 'consent' }, { name: '授权书-副本.pdf', bytes: file }))).fieldErrors.file).toBe('同一文件已上传到该记录，无需重复上传');
    // Two at once: one passes.
    const twin = pdf();
    const both = await Promise.allSettled([0, 1].map(() => uploadDocument(caseworker, { ownerType: 'household', ownerId: householdId, kind: 'identity' }, { name: '身份证.pdf', bytes: twin })));
    expect(both.filter((r) => r.status === 'fulfilled')).toHaveLength(1);

    const [app] = await db.insert(applications).values({ kind: 'dibao_household', householdId, countyCode: '141130', townshipCode: '141130101', villageCode: '141130101200', createdBy: caseworker.id }).returning({ id: applications.id });
    await uploadDocument(caseworker, { ownerType: 'application', ownerId: app!.id, kind: 'consent' }, { name: '授权书.pdf', bytes: file });
    const rows = await db.select({ storageKey: documents.storageKey, ownerType: documents.ownerType }).from(documents).where(eq(documents.sha256, sha(file)));
    expect(rows.map((r) => r.ownerType).sort()).toEqual(['application', 'household']);
    expect(new Set(rows.map((r) => r.storageKey)).size).toBe(1);
    // The application's paper shows on the application and in the household's list.
    expect((await listDocuments(caseworker, { ownerType: 'application', ownerId: app!.id })).map((d) => d.kind)).toEqual(['consent']);
    expect((await listDocuments(caseworker, { ownerType: 'household', ownerId: householdId })).map((d) => d.ownerType)).toEqual(['household', 'household', 'application']);
  });

  it('answers not found to a user outside the region, and to the finance role, for upload, list and download', async () => {
    const householdId = await insertHousehold(await appDb());
    const { id } = await uploadDocument(caseworker, { ownerType: 'household', ownerId: householdId, kind: 'diagnosis' }, { name: '诊断.png', bytes: png() });
    const owner = { ownerType: 'household' as const, ownerId: householdId };
    expect((await refusal(uploadDocument(outsider, { ...owner, kind: 'other' }, { name: 'x.png', bytes: png() }))).code).toBe('not_found');
    expect((await refusal(listDocuments(outsider, owner))).code).toBe('not_found');
    expect((await refusal(openDocument(outsider, id, 'download'))).code).toBe('not_found');
    expect((await refusal(uploadDocument(auditor, { ...owner, kind: 'other' }, { name: 'x.png', bytes: png() }))).code).toBe('not_found');
    const finance = await signedIn('finance');
    expect((await refusal(openDocument(finance, id, 'download'))).code).toBe('not_found');
    // A record that does not exist answers the same.
    expect((await refusal(uploadDocument(caseworker, { ownerType: 'complaint', ownerId: crypto.randomUUID(), kind: 'other' }, { name: 'x.png', bytes: png() }))).code).toBe('not_found');
    expect(await countFor(householdId)).toBe(1);
  });

  it('attaches papers to a complaint of the region', async () => {
    const householdId = await insertHousehold(await appDb());
    const { id: complaintId } = await intakeComplaint(caseworker, { channel: 'letter', category: 'missed', anonymous: true, regionCode: '141130101', receivedOn: todayInChina(), content: '反映该户应保未保', householdId });
    await uploadDocument(caseworker, { ownerType: 'complaint', ownerId: complaintId, kind: 'other' }, { name: '来信.pdf', bytes: pdf() });
    expect((await listDocuments(caseworker, { ownerType: 'complaint', ownerId: complaintId })).map((d) => d.fileName)).toEqual(['来信.pdf']);
    // The letter names the complainant: the auditor sees it; a supervisor of the region who is not its handler does not,
    // neither on the complaint nor among the household's papers.
    expect((await listDocuments(auditor, { ownerType: 'complaint', ownerId: complaintId })).map((d) => d.fileName)).toEqual(['来信.pdf']);
    const supervisor = await signedIn('supervisor');
    expect((await refusal(listDocuments(supervisor, { ownerType: 'complaint', ownerId: complaintId }))).code).toBe('not_found');
    expect((await listDocuments(supervisor, { ownerType: 'household', ownerId: householdId })).map((d) => d.fileName)).toEqual([]);
    expect((await listDocuments(caseworker, { ownerType: 'household', ownerId: householdId })).map((d) => d.fileName)).toEqual(['来信.pdf']);
  });
});

describe('downloading, withdrawing, the record kept', () => {
  it('streams the file back and audits every download and view', async () => {
    const db = await appDb();
    const householdId = await insertHousehold(db);
    const file = png();
    const { id } = await uploadDocument(caseworker, { ownerType: 'household', ownerId: householdId, kind: 'public_notice_photo' }, { name: '公示照片.png', bytes: file });
    const got = await openDocument(auditor, id, 'download');
    expect(got).toMatchObject({ fileName: '公示照片.png', contentType: 'image/png', sizeBytes: file.byteLength });
    expect(await bytesOf(got.stream)).toEqual(file);
    await bytesOf((await openDocument(caseworker, id, 'view')).stream);
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.entityId, householdId), sql`${auditLog.action} in ('document.download', 'document.view')`));
    expect(audits.map((a) => [a.action, a.actorId]).sort()).toEqual([['document.download', auditor.id], ['document.view', caseworker.id]].sort());
    expect(audits[0]!.after).toMatchObject({ documentId: id, fileName: '公示照片.png' });
  });

  it('withdraws with a reason instead of deleting; the rows cannot be changed or removed', async () => {
    const db = await appDb();
    const householdId = await insertHousehold(db);
    const file = pdf();
    const { id } = await uploadDocument(caseworker, { ownerType: 'household', ownerId: householdId, kind: 'income_proof' }, { name: '收入证明.pdf', bytes: file });
    await withdrawDocument(caseworker, { documentId: id, reason: '上传错户' });
    expect((await refusal(withdrawDocument(caseworker, { documentId: id, reason: '再次作废' }))).code).toBe('precondition');
    expect((await refusal(withdrawDocument(outsider, { documentId: id, reason: '越权' }))).code).toBe('not_found');
    const [row] = await listDocuments(caseworker, { ownerType: 'household', ownerId: householdId });
    expect(row).toMatchObject({ withdrawnReason: '上传错户', withdrawnByName: '王晓梅' });
    // Once withdrawn, the same file may be uploaded again (the right one, say).
    await uploadDocument(caseworker, { ownerType: 'household', ownerId: householdId, kind: 'income_proof' }, { name: '收入证明.pdf', bytes: file });
    await expect(db.execute(sql`update documents set file_name = 'x' where id = ${id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from documents where id = ${id}`)).rejects.toThrow();
    await expect(db.execute(sql`delete from document_withdrawals where document_id = ${id}`)).rejects.toThrow();
    expect(await countFor(householdId)).toBe(2);
  });
});

describe('the S3 adapter', () => {
  let server: S3rver;
  let endpoint: string;
  const s3Dir = fs.mkdtempSync(path.join(os.tmpdir(), 'doudi-s3-'));
  beforeAll(async () => {
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: s3Dir, configureBuckets: [{ name: 'doudi-test', configs: [] }] });
    const { port } = await server.run();
    endpoint = `http://127.0.0.1:${port}`;
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(s3Dir, { recursive: true, force: true });
  });
  const config = () => ({ endpoint, region: 'us-east-1', bucket: 'doudi-test', accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER', forcePathStyle: true, prefix: 'documents/' });

  it('puts, reads and streams a file, and never overwrites a stored key', async () => {
    const store = s3Store(config());
    const file = png();
    const key = storageKeyOf(sha(file));
    await store.put(key, file, 'image/png');
    expect(await store.read(key)).toEqual(file);
    expect(await bytesOf(await store.open(key))).toEqual(file);
    await store.put(key, pdf(), 'application/pdf');
    expect(await store.read(key)).toEqual(file);
    await expect(store.read(storageKeyOf('0'.repeat(64)))).rejects.toThrow();
  });

  it('carries a whole upload and download when the environment names the bucket', async () => {
    const saved = { ...process.env };
    Object.assign(process.env, { DOUDI_S3_ENDPOINT: endpoint, DOUDI_S3_BUCKET: 'doudi-test', DOUDI_S3_ACCESS_KEY_ID: 'S3RVER', DOUDI_S3_SECRET_ACCESS_KEY: 'S3RVER' });
    try {
      const householdId = await insertHousehold(await appDb());
      const file = pdf();
      const { id, sha256 } = await uploadDocument(caseworker, { ownerType: 'household', ownerId: householdId, kind: 'disability_certificate' }, { name: '残疾证.pdf', bytes: file });
      expect(fs.existsSync(path.join(docsDir, storageKeyOf(sha256)))).toBe(false);
      expect(await bytesOf((await openDocument(caseworker, id, 'download')).stream)).toEqual(file);
      expect(await s3Store(config()).read(storageKeyOf(sha256))).toEqual(file);
    } finally {
      for (const k of ['DOUDI_S3_ENDPOINT', 'DOUDI_S3_BUCKET', 'DOUDI_S3_ACCESS_KEY_ID', 'DOUDI_S3_SECRET_ACCESS_KEY']) if (!(k in saved)) delete process.env[k];
    }
  });
});

describe('the household archive (一户一档)', () => {
  it('is one ZIP with index.xlsx listing every document and the files themselves, audited', async () => {
    const db = await appDb();
    const householdId = await insertHousehold(db, { headName: '档案户主' });
    const a = png();
    const b = pdf();
    await uploadDocument(caseworker, { ownerType: 'household', ownerId: householdId, kind: 'hukou' }, { name: '户口簿.png', bytes: a });
    await uploadDocument(caseworker, { ownerType: 'household', ownerId: householdId, kind: 'democratic_review' }, { name: '民主评议记录.pdf', bytes: b });

    const archive = await householdArchive(auditor, householdId);
    expect(archive.fileName).toMatch(/^一户一档-档案户主-\d{4}-\d{2}-\d{2}\.zip$/);
    const zip = unzipSync(archive.bytes);
    expect(Object.keys(zip).sort()).toEqual(['index.xlsx', '材料/001-户口簿-户口簿.png', '材料/002-民主评议记录-民主评议记录.pdf']);
    expect(zip['材料/001-户口簿-户口簿.png']).toEqual(a);
    expect(zip['材料/002-民主评议记录-民主评议记录.pdf']).toEqual(b);

    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(zip['index.xlsx']!) as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('材料')!;
    const rows = sheet.getSheetValues().slice(2).map((r) => (r as ExcelJS.CellValue[]).slice(1));
    expect(rows.map((r) => [r[1], r[3], r[6], r[10]])).toEqual([
      ['户口簿', '户口簿.png', sha(a), '材料/001-户口簿-户口簿.png'],
      ['民主评议记录', '民主评议记录.pdf', sha(b), '材料/002-民主评议记录-民主评议记录.pdf'],
    ]);
    expect(book.getWorksheet('文书')).toBeDefined();
    expect(book.getWorksheet('决定')).toBeDefined();

    const [audit] = await db.select().from(auditLog).where(and(eq(auditLog.action, 'household.archive'), eq(auditLog.entityId, householdId)));
    expect(audit).toMatchObject({ actorId: auditor.id, after: { documentCount: 2, noticeCount: 0 } });
    expect((await refusal(householdArchive(outsider, householdId))).code).toBe('not_found');
  });
});
