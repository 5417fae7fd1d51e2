import { describe, expect, it } from 'vitest';
import { crossSiteReason } from '@/lib/http/same-origin';

const PUBLIC = 'https://doudi.example.gov.cn';
const reason = (method: string, headers: Record<string, string>, publicUrl?: string) =>
  crossSiteReason(method, new Headers({ host: '127.0.0.1:3000', ...headers }), publicUrl);

describe('a route handler’s request from another site', () => {
  it('passes a request of our own pages (Sec-Fetch-Site: same-origin), whatever the method', () => {
    for (const m of ['GET', 'POST', 'PUT', 'DELETE']) expect(reason(m, { 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:3000' })).toBeNull();
  });

  it('refuses another site, and a sibling on the same site (another port or subdomain)', () => {
    expect(reason('POST', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).toBe('cross_site');
    expect(reason('GET', { 'sec-fetch-site': 'cross-site' })).toBe('cross_site'); // a link or <img> elsewhere, personal data
    expect(reason('POST', { 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:8080' })).toBe('same_site');
  });

  it('Sec-Fetch-Site decides over Origin: a page cannot forge it, and it names the browser’s view', () => {
    expect(reason('POST', { 'sec-fetch-site': 'cross-site', origin: 'http://127.0.0.1:3000' })).toBe('cross_site');
  });

  it('passes a typed address or bookmark (none) for a GET only', () => {
    expect(reason('GET', { 'sec-fetch-site': 'none' })).toBeNull();
    expect(reason('HEAD', { 'sec-fetch-site': 'none' })).toBeNull();
    expect(reason('POST', { 'sec-fetch-site': 'none' })).toBe('no_origin');
  });

  describe('a browser without Sec-Fetch-Site: Origin decides', () => {
    it('passes our own host, behind a proxy its forwarded host, or the public URL’s', () => {
      expect(reason('POST', { origin: 'http://127.0.0.1:3000' })).toBeNull();
      expect(reason('POST', { origin: 'https://doudi.example.gov.cn', 'x-forwarded-host': 'doudi.example.gov.cn' })).toBeNull();
      expect(reason('POST', { origin: 'https://doudi.example.gov.cn' }, PUBLIC)).toBeNull();
      expect(reason('POST', { origin: 'HTTP://127.0.0.1:3000' })).toBeNull(); // hosts compare case-insensitively
    });

    it('refuses any other host, a look-alike, another port, and the opaque origin null', () => {
      expect(reason('POST', { origin: 'https://evil.example' }, PUBLIC)).toBe('foreign_origin');
      expect(reason('POST', { origin: 'https://doudi.example.gov.cn.evil.example' }, PUBLIC)).toBe('foreign_origin');
      expect(reason('POST', { origin: 'http://127.0.0.1:3001' })).toBe('foreign_origin');
      expect(reason('POST', { origin: 'null' })).toBe('foreign_origin');
      expect(reason('GET', { origin: 'https://evil.example' })).toBe('foreign_origin');
    });
  });

  it('without either header (a script, a test’s request context): a GET passes, a POST is refused', () => {
    expect(reason('GET', {})).toBeNull();
    expect(reason('POST', {})).toBe('no_origin');
  });
});
