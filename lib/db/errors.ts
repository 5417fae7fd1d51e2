type ErrorLike = Record<string, unknown> | undefined;

/** The error and the causes it wraps (drizzle wraps the driver's error in `cause`). */
function* chain(e: unknown): Generator<Record<string, unknown>> {
  let err = e as ErrorLike;
  for (let i = 0; err && typeof err === 'object' && i < 5; err = err.cause as ErrorLike, i++) yield err;
}

/** The constraint behind a unique violation (SQLSTATE 23505), from postgres.js or PGlite, through drizzle's wrapper. */
export function uniqueViolation(e: unknown): string | null {
  for (const err of chain(e)) {
    if (err.code === '23505') return String(err.constraint_name ?? err.constraint ?? '');
  }
  return null;
}

// Node's socket errors, postgres.js's own connection codes, and the SQLSTATEs of a server that
// is going away or not taking connections (class 08, 57P01–57P03).
const CONNECTION_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EHOSTUNREACH',
  'CONNECTION_CLOSED', 'CONNECTION_ENDED', 'CONNECTION_DESTROYED', 'CONNECT_TIMEOUT',
  '57P01', '57P02', '57P03',
]);

/**
 * True when the database could not be reached or dropped the connection: whatever the statement
 * was, its transaction did not commit, so the user can be told that nothing was done.
 */
export function databaseUnavailable(e: unknown): boolean {
  for (const err of chain(e)) {
    const code = typeof err.code === 'string' ? err.code : '';
    if (CONNECTION_CODES.has(code) || code.startsWith('08')) return true;
  }
  return false;
}
