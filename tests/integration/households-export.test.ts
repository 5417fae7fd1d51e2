import { and, count, desc, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { auditLog, households } from '@/db/schema';
import { exportHouseholds } from '@/lib/households/export';
import { searchParamsSchema } from '@/lib/households/search-input';
import { appDb, insertHousehold, randomIdNumber, signedIn } from './support/app';

/** Reads the streamed export back as a workbook: its rows as arrays of cell values. */
async function exported(stream: ReadableStream<Uint8Array>) {
  const chunks: Uint8Array[] = [];
  const reader = stream.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('家庭档案')!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return Object.assign(rows, { sheet });
}

describe('household list export', () => {
  it('streams the filtered list as XLSX with masked IDs, and audits the filter and row count', async () => {
    const user = await signedIn('caseworker');
    const db = await appDb();
    const id = randomIdNumber();
    const householdId = await insertHousehold(db, { idNumber: id, headName: '导出户主' });
    // 01:30 in Beijing on the 29th is still the 28th in UTC: the sheet must show China's day.
    await db.update(households).set({ createdAt: new Date('2026-11-28T17:30:00Z') }).where(eq(households.id, householdId));
    const params = searchParamsSchema.parse({ q: id });
    const rows = await exported(exportHouseholds(user, params));
    expect(rows[0]).toEqual(['户主', '身份证号', '乡镇', '村', '住址', '城乡', '建档立卡', '人数', '登记日期']);
    expect(rows).toHaveLength(2);
    expect(rows[1]!.slice(0, 8)).toEqual(['导出户主', `${id.slice(0, 6)}********${id.slice(14)}`, '康城镇', expect.stringContaining('康城'), '测试地址 1 号', '农村', '否', 1]);
    // The registration day as a real Excel date (sortable, filterable), not text: China's calendar day.
    const cell = rows.sheet.getRow(2).getCell(9);
    expect(cell.value).toBeInstanceOf(Date);
    expect((cell.value as Date).toISOString()).toBe('2026-11-29T00:00:00.000Z');
    expect(cell.numFmt).toBe('yyyy-mm-dd');

    const [audit] = await db.select().from(auditLog)
      .where(and(eq(auditLog.action, 'household.export'), eq(auditLog.actorId, user.id)))
      .orderBy(desc(auditLog.id)).limit(1);
    expect(audit?.after).toMatchObject({ filter: { q: id }, rows: 1, truncated: false, completed: true });
  });

  it('exports every page, not just the first', async () => {
    const user = await signedIn('caseworker');
    const db = await appDb();
    for (let i = 0; i < 55; i++) await insertHousehold(db, { villageCode: '141130101201', headName: `翻页${i}` });
    const rows = await exported(exportHouseholds(user, searchParamsSchema.parse({ village: '141130101201', sort: 'name' })));
    // One page is 50: all 55 made here, each once, and nothing but the village's households.
    const names = rows.slice(1).map((r) => String(r[0]));
    expect(names.filter((n) => n.startsWith('翻页')).sort()).toEqual(Array.from({ length: 55 }, (_, i) => `翻页${i}`).sort());
    const [inVillage] = await db.select({ n: count() }).from(households).where(eq(households.villageCode, '141130101201'));
    expect(names).toHaveLength(inVillage!.n);
  });

  it('keeps to the user’s region and refuses users without read access', async () => {
    const db = await appDb();
    const id = randomIdNumber();
    await insertHousehold(db, { idNumber: id });
    const elsewhere = await signedIn('caseworker2'); // 方山县 峪口镇
    expect(await exported(exportHouseholds(elsewhere, searchParamsSchema.parse({ q: id })))).toHaveLength(1); // the header only
    const admin = await signedIn('admin');
    expect(() => exportHouseholds(admin, {})).toThrow(expect.objectContaining({ code: 'not_found' }));
  });
});
