import type { ReactNode } from 'react';
import type { Column } from './data-table';
import { alignOf, cx, headCellClass, headRowClass, type TableVariant } from './table-styles';

/** Consecutive columns under the same group heading, for a two-row header. */
function runs<Row>(columns: Column<Row>[]): { group?: string; columns: Column<Row>[] }[] {
  const out: { group?: string; columns: Column<Row>[] }[] = [];
  for (const c of columns) {
    const last = out.at(-1);
    if (c.group !== undefined && last?.group === c.group) last.columns.push(c);
    else out.push({ group: c.group, columns: [c] });
  }
  return out;
}

/**
 * The heading row of a DataTable, or two rows when columns are grouped: a group heading spans
 * its columns (scope="colgroup") and an ungrouped column's heading spans both rows.
 */
export function DataTableHead<Row>({
  columns,
  variant,
  groupHeader,
  className,
}: {
  columns: Column<Row>[];
  variant: TableVariant;
  groupHeader?: ReactNode;
  className?: string;
}) {
  const grouped = columns.some((c) => c.group !== undefined);
  const rowSpan = grouped ? 2 : undefined;
  const th = (c: Column<Row>, span?: number) => (
    <th key={c.key} scope="col" rowSpan={span} className={cx(headCellClass(variant, alignOf(c)), c.headerClassName)}>
      {c.header}
    </th>
  );
  return (
    <thead className={className}>
      <tr className={headRowClass[variant]}>
        {groupHeader !== undefined && (
          <th scope="col" rowSpan={rowSpan} className={headCellClass(variant, 'left')}>
            {groupHeader}
          </th>
        )}
        {runs(columns).map((r) =>
          r.group === undefined ? (
            th(r.columns[0]!, rowSpan)
          ) : (
            <th key={`group-${r.columns[0]!.key}`} scope="colgroup" colSpan={r.columns.length} className={headCellClass(variant, 'center')}>
              {r.group}
            </th>
          ),
        )}
      </tr>
      {grouped && <tr className={headRowClass[variant]}>{columns.filter((c) => c.group !== undefined).map((c) => th(c))}</tr>}
    </thead>
  );
}
