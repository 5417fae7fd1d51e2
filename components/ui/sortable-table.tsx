'use client';

import { useMemo } from 'react';
import { createSortedRowModel, rowSortingFeature, tableFeatures, useTable, type ColumnDef, type SortFn } from '@tanstack/react-table';
import {
  alignClass,
  alignOf,
  bodyCellClass,
  bodyRowClass,
  captionClass,
  cx,
  emptyCellClass,
  footRowClass,
  headCellClass,
  headRowClass,
  numericClass,
  tableClass,
  type Align,
} from './table-styles';

/** What the client needs of a column: plain data, so a server page can pass it. */
export interface SortableColumn {
  key: string;
  header: React.ReactNode;
  numeric?: boolean;
  align?: Align;
  rowHeader?: boolean;
  headerClassName?: string;
  footer?: React.ReactNode;
  sortable: boolean;
}

/** One row, its cells already rendered (on the server) and the values its columns sort by. */
export interface SortableRow {
  id: string;
  cells: React.ReactNode[];
  classes: (string | undefined)[];
  sort: (string | number | null)[];
}

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });

const collator = new Intl.Collator('zh-CN', { numeric: true });
/** Ascending only (the table reverses it): numbers by value, text in Chinese collation order. */
const compare: SortFn<typeof features, SortableRow> = (a, b, id) => {
  const x = a.getValue<string | number>(id);
  const y = b.getValue<string | number>(id);
  return typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
};

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;

/**
 * A small, complete list the reader reorders by clicking a heading (TanStack Table's sorting:
 * ascending, descending, back to the order it came in). Use it through SortableDataTable.
 */
export function SortableTable({ columns, rows, caption, captionHidden, empty, className }: {
  columns: SortableColumn[];
  rows: SortableRow[];
  caption?: React.ReactNode;
  captionHidden?: boolean;
  empty: React.ReactNode;
  className?: string;
}) {
  const defs = useMemo<ColumnDef<typeof features, SortableRow>[]>(
    () =>
      columns.map((c, i) => ({
        id: c.key,
        // null (nothing to sort by) becomes undefined, which sortUndefined keeps at the end.
        accessorFn: (row: SortableRow) => row.sort[i] ?? undefined,
        header: () => c.header,
        cell: ({ row }) => row.original.cells[i],
        enableSorting: c.sortable,
        sortFn: compare,
        sortUndefined: 'last',
      })),
    [columns],
  );
  const table = useTable({ features, columns: defs, data: rows, getRowId: (row) => row.id });
  const meta = new Map(columns.map((c) => [c.key, c]));
  const v = 'list';

  return (
    <table className={cx(tableClass[v], className)}>
      {caption !== undefined && <caption className={captionHidden ? 'sr-only' : captionClass}>{caption}</caption>}
      <thead>
        {table.getHeaderGroups().map((group) => (
          <tr key={group.id} className={headRowClass[v]}>
            {group.headers.map((header) => {
              const c = meta.get(header.column.id)!;
              const sorted = header.column.getIsSorted();
              return (
                <th key={header.id} scope="col" aria-sort={sorted ? ariaSort[sorted] : undefined} className={cx(headCellClass(v, alignOf(c)), c.headerClassName)}>
                  {header.column.getCanSort() ? (
                    <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 font-semibold hover:text-blue-800">
                      <table.FlexRender header={header} />
                      <span aria-hidden="true" className="w-3 text-xs text-slate-500">{sorted === 'asc' ? '▲' : sorted === 'desc' ? '▼' : '↕'}</span>
                    </button>
                  ) : (
                    <table.FlexRender header={header} />
                  )}
                </th>
              );
            })}
          </tr>
        ))}
      </thead>
      <tbody>
        {rows.length === 0 && (
          <tr>
            <td colSpan={columns.length} className={emptyCellClass(v)}>{empty}</td>
          </tr>
        )}
        {table.getRowModel().rows.map((row) => (
          <tr key={row.id} className={bodyRowClass[v]}>
            {row.getAllCells().map((cell, i) => {
              const c = meta.get(cell.column.id)!;
              const cls = cx(bodyCellClass(v), alignClass[alignOf(c)], c.numeric && numericClass, row.original.classes[i]);
              const content = <table.FlexRender cell={cell} />;
              return c.rowHeader ? <th key={cell.id} scope="row" className={cls}>{content}</th> : <td key={cell.id} className={cls}>{content}</td>;
            })}
          </tr>
        ))}
      </tbody>
      {columns.some((c) => c.footer !== undefined) && (
        <tfoot>
          <tr className={footRowClass[v]}>
            {columns.map((c, i) => {
              const cls = cx(bodyCellClass(v), alignClass[alignOf(c)], c.numeric && numericClass);
              return i === 0 ? <th key={c.key} scope="row" className={cls}>{c.footer}</th> : <td key={c.key} className={cls}>{c.footer}</td>;
            })}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
