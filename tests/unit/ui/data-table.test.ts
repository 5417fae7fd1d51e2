// DataTable's markup is what screen readers and the e2e specs (getByRole('row' | 'cell' |
// 'table')) read: rendered to HTML here, without a browser.
import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DataTable, type Column, type DataTableProps } from '@/components/ui/data-table';

type Fund = { id: string; name: string; fen: number };
const rows: Fund[] = [
  { id: 'a', name: '康城镇', fen: 4_500_000 },
  { id: 'b', name: '峪口镇', fen: 5_000_000 },
];
// The desk markup; the phone's folded list is checked on its own below.
const render = (props: DataTableProps<Fund>) => renderToStaticMarkup(h(DataTable<Fund>, { keepColumnsOnPhone: true, ...props }));
const renderOnPhone = (props: DataTableProps<Fund>) => renderToStaticMarkup(h(DataTable<Fund>, props));
const columns: Column<Fund>[] = [
  { key: 'name', header: '乡镇', cell: (r) => r.name },
  { key: 'fen', header: '余额', numeric: true, cell: (r) => `¥${(r.fen / 100).toFixed(2)}` },
];

describe('DataTable', () => {
  it('folds a list into labelled blocks under 768 px: each cell carries its column name, headings stay for screen readers', () => {
    const html = renderOnPhone({ rows: rows.slice(0, 1), rowKey: (r) => r.id, columns: [{ key: 't', header: '乡镇', cell: (r) => r.name }] });
    expect(html).toContain('<thead class="max-md:sr-only">');
    expect(html).toMatch(/<td class="[^"]*max-md:before:content-\[attr\(data-label\)\][^"]*" data-label="乡镇">康城镇<\/td>/);
    expect(render({ rows: rows.slice(0, 1), rowKey: (r) => r.id, columns: [{ key: 't', header: '乡镇', cell: (r) => r.name }] })).not.toContain('data-label');
  });

  it('names the table by its caption and scopes every heading to its column', () => {
    const html = render({ caption: '备用金余额', captionHidden: true, rows, rowKey: (r) => r.id, columns });
    expect(html).toMatch(/^<table[^>]*><caption class="sr-only">备用金余额<\/caption><thead>/);
    expect(html.match(/<th scope="col"/g)).toHaveLength(2);
    expect(html.match(/<tbody><tr/g)).toHaveLength(1);
    expect(html).toContain('<td class="p-2 text-right tabular-nums">¥45000.00</td>');
  });

  it('puts nothing between the cells of a row, so a row reads as its cells run together (as the e2e specs read it)', () => {
    const html = render({ rows, rowKey: (r) => r.id, columns });
    expect(html).toContain('<td class="p-2 text-left">康城镇</td><td class="p-2 text-right tabular-nums">¥45000.00</td></tr>');
  });

  it('says so in a row under the headings when there are no rows, or alone when asked', () => {
    const row = render({ rows: [], rowKey: (r) => r.id, columns });
    expect(row).toContain('<tbody><tr><td colSpan="2" class="p-2 text-slate-600">暂无记录</td></tr></tbody>');
    const alone = render({ rows: [], rowKey: (r) => r.id, columns, whenEmpty: 'message', empty: '无。', className: 'mt-2' });
    expect(alone).toBe('<p class="text-sm text-slate-600 mt-2">无。</p>');
  });

  it('leaves out columns given as false, and renders a row-header column as <th scope="row">', () => {
    const html = render({ rows, rowKey: (r) => r.id, columns: [{ ...columns[0]!, rowHeader: true }, false, columns[1]] });
    expect(html).toContain('<th scope="row" class="p-2 text-left">康城镇</th>');
    expect(html.match(/<th scope="col"/g)).toHaveLength(2);
  });

  it('heads each group of rows with a rowgroup header spanning its rows, and grouped columns with a colgroup heading', () => {
    const html = render({
      groups: [{ key: 'jk', header: '交口县', rows }],
      groupHeader: { header: '县（区）' },
      rowKey: (r) => r.id,
      columns: columns.map((c) => ({ ...c, group: c.key === 'fen' ? '本月' : undefined })),
    });
    expect(html).toContain('<th scope="col" rowSpan="2" class="p-2 text-left font-semibold text-slate-700 print:text-black">县（区）</th>');
    expect(html).toContain('<th scope="colgroup" colSpan="1"');
    expect(html).toContain('<tbody class="border-b border-slate-200"><tr class="border-b border-slate-100"><th scope="rowgroup" rowSpan="2" class="p-2 text-left">交口县</th>');
    expect(html.match(/scope="rowgroup"/g)).toHaveLength(1);
  });

  it('totals in a footer row headed by its first cell', () => {
    const html = render({ rows, rowKey: (r) => r.id, columns: [{ ...columns[0]!, footer: '合计' }, { ...columns[1]!, footer: '¥95000.00' }] });
    expect(html).toContain('<tfoot><tr class="border-t border-slate-300 font-semibold"><th scope="row" class="p-2 text-left">合计</th>');
  });
});
