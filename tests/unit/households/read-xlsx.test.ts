import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readXlsxRows } from '@/lib/households/import/read-xlsx';

async function workbookBytes(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('说明').addRow(['请在“花名册”表中填写']);
  const roster = workbook.addWorksheet('花名册');
  roster.addRow(['户主姓名', '身份证号']);
  roster.addRow(['穆小军', '142329198307120019']);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The same workbook with its zip entries in the given order (names not listed keep theirs, at the end). */
async function reordered(bytes: Uint8Array, first: string[]): Promise<Uint8Array> {
  const source = await JSZip.loadAsync(bytes);
  const names = Object.keys(source.files).filter((n) => !source.files[n]!.dir);
  const order = [...first.filter((n) => names.includes(n)), ...names.filter((n) => !first.includes(n))];
  const out = new JSZip();
  for (const name of order) out.file(name, await source.file(name)!.async('uint8array'));
  return out.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

describe('readXlsxRows', () => {
  it('reads the 花名册 sheet whatever order the zip holds the parts in', async () => {
    const bytes = await workbookBytes();
    const orders = [
      // as Excel writes it: the workbook first
      ['[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml'],
      // the sheets before the shared strings (spooled until the strings are known)
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml'],
      // the shared strings and relations before the sheets, the workbook (the sheet names) last:
      // exceljs's streaming reader used to fail here (the model it reads names from was not read yet)
      ['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml'],
    ];
    for (const order of orders) {
      const rows = await readXlsxRows(await reordered(bytes, order), 10);
      expect(rows.map((r) => r.cells)).toEqual([
        ['户主姓名', '身份证号'],
        ['穆小军', '142329198307120019'],
      ]);
    }
  });
});
