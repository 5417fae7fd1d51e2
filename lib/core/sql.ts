type Row = Record<string, unknown>;

/** The rows of a raw `db.execute(sql…)`: postgres.js returns the rows, PGlite returns { rows }. */
export function rowsOf<T = Row>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
