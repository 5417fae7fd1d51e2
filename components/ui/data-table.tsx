import { Fragment, type Key, type ReactElement, type ReactNode } from 'react';
import { DataTableHead } from './data-table-head';
import {
  alignClass,
  alignOf,
  bodyCellClass,
  bodyRowClass,
  captionClass,
  cx,
  emptyCellClass,
  emptyMessageClass,
  footRowClass,
  numericClass,
  stacked,
  tableClass,
  type Align,
  type TableVariant,
} from './table-styles';

export interface Column<Row> {
  /** Unique within the table. */
  key: string;
  header: ReactNode;
  cell: (row: Row, index: number) => ReactNode;
  /** Amounts and counts: right-aligned, tabular figures. */
  numeric?: boolean;
  /** Defaults to right for numeric columns, left otherwise. */
  align?: Align;
  /** The cell names its row (<th scope="row">), like the step of a 办理过程 table. */
  rowHeader?: boolean;
  /** A heading over this and the neighbouring columns of the same group (a second header row). */
  group?: string;
  /** Classes of the body cells: fixed, or from the row (e.g. red when overdue). */
  className?: string | ((row: Row) => string | undefined);
  headerClassName?: string;
  /** This column's cell of a footer row (e.g. a total); the first column's is its row header. */
  footer?: ReactNode;
}

/** Rows that belong together under a row-group header (e.g. one county's programs). */
export interface RowGroup<Row> {
  key: string;
  header: ReactNode;
  rows: readonly Row[];
}

interface Shared<Row> {
  /** Entries that are false or null are left out: `personal && { … }`. */
  columns: readonly (Column<Row> | false | null | undefined)[];
  rowKey: (row: Row, index: number) => Key;
  /** The table's title; it is also its accessible name. */
  caption?: ReactNode;
  /** For screen readers only, where a heading nearby already shows the title. */
  captionHidden?: boolean;
  'aria-label'?: string;
  'aria-labelledby'?: string;
  /** What to say when there are no rows. */
  empty?: ReactNode;
  /** row: the message in the table under its headings; message: the message alone, no table. */
  whenEmpty?: 'row' | 'message';
  variant?: TableVariant;
  /** No heading row: for key–value tables whose row headers say what each row is. */
  hideHeader?: boolean;
  rowClassName?: (row: Row) => string | undefined;
  /** Wraps a rendered row, e.g. in a client component that opens a form in a row below it. */
  renderRow?: (row: Row, tr: ReactElement, index: number) => ReactNode;
  /** Classes of the table (or of the empty message), e.g. its margin. */
  className?: string;
  /** A list keeps its columns on a phone too (a wide report that scrolls in its own box instead). */
  keepColumnsOnPhone?: boolean;
}

export type DataTableProps<Row> = Shared<Row> &
  (
    | { rows: readonly Row[]; groups?: never; groupHeader?: never }
    | { groups: readonly RowGroup<Row>[]; groupHeader: { header: ReactNode; className?: string }; rows?: never }
  );

/**
 * One table for the whole app: semantic markup (caption, scoped headers, row groups), one look,
 * numbers right-aligned in tabular figures, an empty state. No hooks and no client code, so a
 * server page renders it with links, forms and client components in its cells.
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { rowKey, caption, captionHidden, empty = '暂无记录', whenEmpty = 'row', variant = 'list', hideHeader, rowClassName, renderRow, className } = props;
  const columns = props.columns.filter((c): c is Column<Row> => !!c);
  const groups = props.groups?.filter((g) => g.rows.length > 0);
  const count = groups ? groups.reduce((n, g) => n + g.rows.length, 0) : props.rows!.length;
  if (count === 0 && whenEmpty === 'message') return <p className={cx(emptyMessageClass, className)}>{empty}</p>;

  const width = columns.length + (groups ? 1 : 0);
  // Lists fold into blocks on a phone (table-styles.ts `stacked`); grouped or ruled tables do not.
  const stack = variant === 'list' && !groups && !props.keepColumnsOnPhone;
  const on = (cls: string) => (stack ? cls : undefined);
  let index = 0;
  const renderOne = (row: Row, lead?: ReactNode) => {
    const i = index++;
    const tr = (
      <tr className={cx(bodyRowClass[variant], rowClassName?.(row), on(stacked.row))}>
        {lead}
        {columns.map((c) => {
          const label = typeof c.header === 'string' && c.header !== '' ? c.header : undefined;
          const cls = cx(
            bodyCellClass(variant),
            alignClass[alignOf(c)],
            c.numeric && numericClass,
            typeof c.className === 'function' ? c.className(row) : c.className,
            on(stacked.cell),
            label && on(stacked.labelled),
          );
          const labelled = stack && label ? { 'data-label': label } : {};
          return c.rowHeader ? (
            <th key={c.key} scope="row" className={cls} {...labelled}>{c.cell(row, i)}</th>
          ) : (
            <td key={c.key} className={cls} {...labelled}>{c.cell(row, i)}</td>
          );
        })}
      </tr>
    );
    return <Fragment key={rowKey(row, i)}>{renderRow ? renderRow(row, tr, i) : tr}</Fragment>;
  };
  const hasFooter = columns.some((c) => c.footer !== undefined);

  return (
    <table className={cx(tableClass[variant], className, on(stacked.table))} aria-label={props['aria-label']} aria-labelledby={props['aria-labelledby']}>
      {caption !== undefined && <caption className={captionHidden ? 'sr-only' : captionClass}>{caption}</caption>}
      {!hideHeader && <DataTableHead columns={columns} variant={variant} groupHeader={props.groupHeader?.header} className={on(stacked.head)} />}
      {groups && groups.length > 0 ? (
        groups.map((g) => (
          <tbody key={g.key} className={variant === 'list' ? 'border-b border-slate-200' : undefined}>
            {g.rows.map((row, i) =>
              renderOne(
                row,
                i === 0 && (
                  <th scope="rowgroup" rowSpan={g.rows.length} className={cx(bodyCellClass(variant), 'text-left', props.groupHeader?.className)}>
                    {g.header}
                  </th>
                ),
              ),
            )}
          </tbody>
        ))
      ) : (
        <tbody className={on(stacked.body)}>
          {count === 0 ? (
            <tr>
              <td colSpan={width} className={emptyCellClass(variant)}>{empty}</td>
            </tr>
          ) : (
            props.rows!.map((row) => renderOne(row))
          )}
        </tbody>
      )}
      {hasFooter && (
        <tfoot>
          <tr className={footRowClass[variant]}>
            {groups && <td className={bodyCellClass(variant)} />}
            {columns.map((c, i) => {
              const cls = cx(bodyCellClass(variant), alignClass[alignOf(c)], c.numeric && numericClass);
              return i === 0 ? <th key={c.key} scope="row" className={cls}>{c.footer}</th> : <td key={c.key} className={cls}>{c.footer}</td>;
            })}
          </tr>
        </tfoot>
      )}
    </table>
  );
}
