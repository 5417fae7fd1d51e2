import type { Key, ReactNode } from 'react';
import type { Column } from './data-table';
import { SortableTable } from './sortable-table';
import { cx, emptyMessageClass } from './table-styles';

export interface SortableColumnDef<Row> extends Omit<Column<Row>, 'group'> {
  /** What the column sorts by (fen for money, not its formatted text); none: not sortable. */
  sortValue?: (row: Row) => string | number | null;
}

/**
 * DataTable's column list for a small, complete list worth reordering on the spot (a supervisor
 * looking for the fund that runs low). The cells are rendered here, on the server when the
 * caller is a server component; only the rendered cells and the sort values go to the client,
 * where TanStack Table sorts them. Never for a paged list: sorting one page would mislead.
 */
export function SortableDataTable<Row>({
  columns,
  rows,
  rowKey,
  caption,
  captionHidden,
  empty = '暂无记录',
  whenEmpty = 'row',
  className,
}: {
  columns: readonly SortableColumnDef<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row, index: number) => Key;
  caption?: ReactNode;
  captionHidden?: boolean;
  empty?: ReactNode;
  whenEmpty?: 'row' | 'message';
  className?: string;
}) {
  if (rows.length === 0 && whenEmpty === 'message') return <p className={cx(emptyMessageClass, className)}>{empty}</p>;
  return (
    <SortableTable
      caption={caption}
      captionHidden={captionHidden}
      empty={empty}
      className={className}
      columns={columns.map((c) => ({
        key: c.key,
        header: c.header,
        numeric: c.numeric,
        align: c.align,
        rowHeader: c.rowHeader,
        headerClassName: c.headerClassName,
        footer: c.footer,
        sortable: c.sortValue !== undefined,
      }))}
      rows={rows.map((row, i) => ({
        id: String(rowKey(row, i)),
        cells: columns.map((c) => c.cell(row, i)),
        classes: columns.map((c) => (typeof c.className === 'function' ? c.className(row) : c.className)),
        sort: columns.map((c) => c.sortValue?.(row) ?? null),
      }))}
    />
  );
}
