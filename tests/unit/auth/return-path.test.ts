import { describe, expect, it } from 'vitest';
import { FALLBACK_PATH, safeRedirectUrl, safeReturnPath } from '@/lib/auth/return-path';

// Each of these, given to the login page as callbackUrl or to next-auth as its callbackUrl, would
// send a caseworker to another site (or run script) if followed: every one falls back to `/`.
const REFUSED: [string, unknown][] = [
  ['protocol-relative', '//evil.example/'],
  ['backslash after the slash', '/\\evil.example/'],
  ['two backslashes', '\\\\evil.example'],
  ['backslash later in the path', '/households/\\evil.example'],
  ['backslash in the query', '/households?next=\\\\evil.example'],
  ['tab between the slashes', '/\t/evil.example/'],
  ['newline between the slashes', '/\n/evil.example/'],
  ['carriage return', '/\r/evil.example'],
  ['leading space', ' /households'],
  ['encoded slashes', '/%2F%2Fevil.example'],
  ['encoded slashes, lower case', '/%2f%2fevil.example'],
  ['one encoded slash after the slash', '/%2Fevil.example'],
  ['double-encoded slashes', '/%252F%252Fevil.example'],
  ['encoded backslash', '/%5Cevil.example'],
  ['encoded tab', '/%09/evil.example'],
  ['encoded newline', '/%0A/evil.example'],
  ['malformed escape', '/households/%E0%A4%A'],
  ['dot segments up to a double slash', '/..//evil.example'],
  ['absolute http URL', 'http://evil.example/'],
  ['absolute https URL', 'https://evil.example/households'],
  ['absolute URL of this very site', 'http://127.0.0.1:3000/households'],
  ['scheme-relative with credentials', '//user@evil.example'],
  ['javascript:', 'javascript:alert(1)'],
  ['JavaScript: with a leading slash-less space', ' javascript:alert(1)'],
  ['data:', 'data:text/html,<script>alert(1)</script>'],
  ['relative path without a slash', 'households'],
  ['non-ASCII as typed', '/households/张三'],
  ['empty', ''],
  ['not a string', 42],
  ['null', null],
  ['too long', `/${'a'.repeat(3000)}`],
];

const ACCEPTED = [
  '/',
  '/households',
  '/households/5b0e6d7c-3c1a-4a57-9f0a-1f2b3c4d5e6f',
  '/payouts/runs?county=141130&cursor=abc',
  '/reports/monthly#township',
  '/applications/new?household=5b0e6d7c',
  '/households/%E5%BC%A0', // an encoded Chinese name decodes to a plain path
  '/a/./b/../c',
];

describe('safeReturnPath: after sign-in, only a path of this site', () => {
  it.each(REFUSED)('refuses %s', (_label, raw) => {
    expect(safeReturnPath(raw)).toBe(FALLBACK_PATH);
  });

  it.each(ACCEPTED)('keeps %s', (raw) => {
    expect(safeReturnPath(raw)).toBe(raw);
  });

  it('never returns anything a browser would resolve to another origin', () => {
    for (const [, raw] of REFUSED) {
      const out = safeReturnPath(raw);
      expect(new URL(out, 'https://doudi.example').origin).toBe('https://doudi.example');
    }
  });
});

describe("safeRedirectUrl: next-auth's redirect callback", () => {
  const base = 'https://doudi.example';
  it('keeps a path of this site, made absolute', () => {
    expect(safeRedirectUrl('/households?x=1', base)).toBe('https://doudi.example/households?x=1');
  });
  it('reduces an absolute URL of this site to its path (next-auth/react sends the page address)', () => {
    expect(safeRedirectUrl('https://doudi.example/payouts#top', base)).toBe('https://doudi.example/payouts#top');
  });
  it.each([
    'https://evil.example/',
    'http://doudi.example/households', // another scheme is another origin
    '/\\evil.example/',
    '/\t/evil.example/',
    '/%2F%2Fevil.example',
    'https://doudi.example//evil.example',
    'https://doudi.example/\\evil.example',
    'javascript:alert(1)',
    'not a url',
  ])('sends %s to the start page', (url) => {
    expect(safeRedirectUrl(url, base)).toBe('https://doudi.example/');
  });
});
