// Where a user may be sent after signing in: a path of this site, nothing else. Pure (no server
// code): the login page, next-auth's redirect callback and proxy.ts all go through it.
//
// Browsers read more into a URL than it seems to say: `/\evil.example/` is `//evil.example/`
// (a backslash is a slash in http URLs), tabs and newlines are dropped (`/<TAB>/evil.example`),
// and some layer on the way may decode `%2F` into a slash. So the rule is strict and the
// fallback harmless: printable ASCII as given, no backslash anywhere, and the path — as given and
// after each decoding — starts with one slash not followed by a slash or backslash and holds no
// backslash, space or control character; resolved against the site it stays on it. Otherwise `/`.

export const FALLBACK_PATH = '/';
const MAX_LENGTH = 2048;
const BASE = 'http://doudi.invalid';

/** One leading slash, then no slash or backslash; no backslash, space or control character anywhere. */
const plainPath = (s: string) => s.startsWith('/') && s[1] !== '/' && !/[\\\x00-\x20\x7f]/.test(s);

/** `raw` if it is a path of this site (`/households/…?…#…`), else `/`. */
export function safeReturnPath(raw: unknown): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_LENGTH) return FALLBACK_PATH;
  // As typed: printable ASCII (a browser sends nothing else), no backslash even in the query.
  if (!/^[\x21-\x7e]+$/.test(raw) || raw.includes('\\')) return FALLBACK_PATH;
  // The path part, and every decoding of it (double encoding included), is a plain path.
  const cut = raw.search(/[?#]/);
  let current = cut === -1 ? raw : raw.slice(0, cut);
  for (let i = 0; ; i++) {
    if (!plainPath(current)) return FALLBACK_PATH;
    let decoded: string;
    try {
      decoded = decodeURIComponent(current);
    } catch {
      return FALLBACK_PATH; // a malformed escape
    }
    if (decoded === current) break;
    if (i === 3) return FALLBACK_PATH; // still encoded after four decodings: nobody types that
    current = decoded;
  }
  // And the browser's own reading of it (dot segments resolved) stays a path of this origin.
  try {
    const url = new URL(raw, BASE);
    if (url.origin !== BASE || url.pathname.startsWith('//')) return FALLBACK_PATH;
  } catch {
    return FALLBACK_PATH;
  }
  return raw;
}

/**
 * next-auth's redirect callback: `url` is a path, or an absolute URL (next-auth/react sends the
 * page's own address); only this site's, reduced to its path and checked like any other.
 */
export function safeRedirectUrl(url: string, baseUrl: string): string {
  let path: unknown = url;
  if (!url.startsWith('/')) {
    try {
      const parsed = new URL(url);
      path = parsed.origin === new URL(baseUrl).origin ? `${parsed.pathname}${parsed.search}${parsed.hash}` : null;
    } catch {
      path = null;
    }
  }
  return `${baseUrl.replace(/\/+$/, '')}${safeReturnPath(path)}`;
}
