/** The constraint behind a unique violation (SQLSTATE 23505), from postgres.js or PGlite, through drizzle's wrapper. */
export function uniqueViolation(e: unknown): string | null {
  for (let err = e as Record<string, unknown> | undefined, i = 0; err && i < 4; err = err.cause as Record<string, unknown> | undefined, i++) {
    if (err.code === '23505') return String(err.constraint_name ?? err.constraint ?? '');
  }
  return null;
}
