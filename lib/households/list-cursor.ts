// The household list's keyset cursor: the last row's sort value and id, as opaque base64url.
// It comes back from the browser, so it is read as untrusted input: a cursor that is not one
// this server could have written for this sort (edited, truncated, from another sort order) is
// no cursor, and the list starts from its first page — never a database error.
import { isUuid } from '@/lib/core/uuid';

export type ListSort = 'newest' | 'oldest' | 'name';
export type Cursor = [sortValue: string, householdId: string];

/** What the list query writes for created_at: to_char(… 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'). */
const TIMESTAMP = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{6}Z$/;
const MAX_NAME = 40; // a head's name is at most 40 characters (memberInputSchema)

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function validSortValue(value: string, sort: ListSort): boolean {
  // Names written before the safe-text rule may hold invisible characters and must still page;
  // only NUL, which PostgreSQL refuses in text, cannot be a name.
  if (sort === 'name') return [...value].length <= MAX_NAME && !value.includes('\u0000');
  return TIMESTAMP.test(value) && !Number.isNaN(Date.parse(value));
}

export function decodeCursor(raw: string | undefined, sort: ListSort): Cursor | null {
  if (!raw || raw.length > 200 || !/^[A-Za-z0-9_-]+$/.test(raw)) return null;
  let c: unknown;
  try {
    c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(c) || c.length !== 2 || typeof c[0] !== 'string' || !isUuid(c[1])) return null;
  return validSortValue(c[0], sort) ? [c[0], c[1]] : null;
}
