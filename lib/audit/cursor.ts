// The audit log's keyset cursor: the last row's time (to the microsecond, as PostgreSQL wrote it)
// and id, as opaque base64url. It comes back from the browser, so it is read as untrusted input:
// anything this server could not have written is no cursor, and the log starts from its first
// page — never a database error. The house pattern of lib/households/list-cursor.ts.
export type AuditCursor = [at: string, id: number];

/** What the query writes for at: to_char(… 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'). */
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/;

export function encodeAuditCursor(c: AuditCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeAuditCursor(raw: string | undefined): AuditCursor | null {
  if (!raw || raw.length > 200 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(c) || c.length !== 2 || typeof c[0] !== 'string' || !Number.isSafeInteger(c[1]) || (c[1] as number) < 1) return null;
  // A day the month does not have (02-30) would fail PostgreSQL's cast: the round trip refuses it.
  if (!TIMESTAMP.test(c[0]) || Number.isNaN(Date.parse(c[0])) || new Date(c[0]).toISOString().slice(0, 23) !== c[0].slice(0, 23)) return null;
  return [c[0], c[1] as number];
}
