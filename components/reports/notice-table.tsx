import Link from 'next/link';
import { DataTable, type Column } from '@/components/ui/data-table';
import { formatFen } from '@/lib/core/format';
import type { NoticeRow } from '@/lib/reports/notice-build';
import { noticeColumns, type NoticeBlock } from '@/lib/reports/notice-columns';

/** A row of the notice with the block (place) it belongs to. */
type Line = { block: NoticeBlock; row: NoticeRow };

function show(v: number | null, money?: boolean): string {
  if (v === null) return '—';
  return money ? formatFen(v).replace('¥', '') : v.toLocaleString('zh-CN');
}

const rowLabel = (row: NoticeRow) => (row.key === '' ? '小计' : row.label);

function figureColumns(links: boolean): Column<Line>[] {
  return noticeColumns.map((c, j) => ({
    key: String(j),
    group: c.group,
    header: c.header,
    numeric: true,
    cell: ({ block, row }) => {
      const v = c.value(row, block.area);
      const text = show(v, c.money);
      const href = links && v !== null && v !== 0 ? c.href?.(row, block.place) : null;
      return href ? (
        <Link href={href} className="text-blue-800 underline decoration-slate-300" aria-label={`${block.label} ${rowLabel(row)} ${c.header} ${text}，查看明细`}>
          {text}
        </Link>
      ) : (
        text
      );
    },
  }));
}

/**
 * The notice as a table: one block of rows per place (program rows and a 小计), two header rows.
 * With `links`, every figure opens the records behind it (the printed copy has none).
 */
export function NoticeTable({ caption, blocks, links = true }: { caption: string; blocks: NoticeBlock[]; links?: boolean }) {
  return (
    <div className="overflow-x-auto print:overflow-visible">
      <DataTable
        variant="grid"
        caption={<span className="text-sm font-medium">{caption}（金额：元）</span>}
        groups={blocks.map((b) => ({ key: b.area.code + b.label, header: b.label, rows: [...b.area.rows, b.area.total].map((row) => ({ block: b, row })) }))}
        groupHeader={{ header: '地区', className: 'whitespace-nowrap align-middle font-semibold' }}
        rowKey={({ row }) => row.key}
        rowClassName={({ row }) => (row.key === '' ? 'bg-slate-50 font-semibold' : undefined)}
        columns={[{ key: 'program', header: '项目', rowHeader: true, className: 'whitespace-nowrap', cell: ({ row }) => rowLabel(row) }, ...figureColumns(links)]}
      />
    </div>
  );
}
