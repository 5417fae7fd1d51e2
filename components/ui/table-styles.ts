// The look of every table, shared by DataTable (server or client) and SortableTable (client).
// Base classes set padding and borders only: alignment, weight and colour come from a column's
// options, so a caller's class never fights a base one.

/**
 * list: rows of records (the default); grid: a dense report with every cell ruled (月通报);
 * paper: a printed form, black rules (审批表).
 */
export type TableVariant = 'list' | 'grid' | 'paper';
export type Align = 'left' | 'center' | 'right';

export const tableClass: Record<TableVariant, string> = {
  list: 'w-full border-collapse bg-white text-sm',
  grid: 'border-collapse bg-white text-xs print:text-[8pt]',
  paper: 'w-full border-collapse bg-white text-sm text-black',
};

const pad: Record<TableVariant, string> = {
  list: 'p-2',
  grid: 'border border-slate-300 px-1.5 py-1 print:border-black',
  paper: 'border border-black p-2',
};

export const headRowClass: Record<TableVariant, string> = {
  list: 'border-b border-slate-200 bg-slate-50 print:bg-transparent',
  grid: 'bg-slate-50 print:bg-transparent',
  paper: '',
};

export const bodyRowClass: Record<TableVariant, string> = {
  list: 'border-b border-slate-100',
  grid: '',
  paper: '',
};

export const footRowClass: Record<TableVariant, string> = {
  list: 'border-t border-slate-300 font-semibold',
  grid: 'font-semibold',
  paper: '',
};

export const alignClass: Record<Align, string> = { left: 'text-left', center: 'text-center', right: 'text-right' };

/** Right for numbers, left for the rest, unless a column says otherwise. */
export const alignOf = (c: { align?: Align; numeric?: boolean }): Align => c.align ?? (c.numeric ? 'right' : 'left');

/**
 * Column headings (a ruled grid centres them over its figures). Weight is set here because
 * app/globals.css lets every <th> inherit it.
 */
export const headCellClass = (v: TableVariant, align: Align) =>
  `${pad[v]} ${alignClass[v === 'grid' ? 'center' : align]} font-semibold ${v === 'paper' ? '' : 'text-slate-700 print:text-black'}`;

export const bodyCellClass = (v: TableVariant) => pad[v];

/** Amounts and counts line up by their digits. */
export const numericClass = 'tabular-nums';

export const captionClass = 'pb-1 text-left font-semibold';

export const emptyCellClass = (v: TableVariant) => `${pad[v]} text-slate-600`;

export const emptyMessageClass = 'text-sm text-slate-600';

/** Joins class names, skipping the empty ones. */
export const cx = (...names: (string | false | null | undefined)[]) => names.filter(Boolean).join(' ');

/**
 * A list on a phone (under 768 px): each row becomes a block of its cells, each cell led by its
 * column's name (data-label), so that nothing scrolls sideways; the headings stay for screen
 * readers. From 768 px on, the ordinary table.
 */
export const stacked = {
  table: 'max-md:block',
  head: 'max-md:sr-only',
  body: 'max-md:block',
  row: 'max-md:block max-md:py-2',
  cell: 'max-md:flex max-md:gap-3 max-md:py-0.5 max-md:text-left',
  labelled: 'max-md:before:w-24 max-md:before:shrink-0 max-md:before:text-slate-500 max-md:before:content-[attr(data-label)]',
} as const;
