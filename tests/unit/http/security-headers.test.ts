import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, HSTS, newNonce, servedOverHttps } from '@/lib/http/security-headers';

const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0]!, d.split(' ').slice(1)]));

describe('the Content-Security-Policy', () => {
  it('is exactly this in production over http', () => {
    expect(contentSecurityPolicy('abc', { https: false, dev: false })).toBe(
      "default-src 'self'; script-src 'self' 'nonce-abc' 'strict-dynamic'; style-src 'self' 'nonce-abc'; img-src 'self' data: blob:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
    );
  });

  it('runs no inline script or eval without the nonce, and no plugin, base rewrite or framing', () => {
    const d = directives(contentSecurityPolicy('abc', { https: true, dev: false }));
    expect(d.get('script-src')).not.toContain("'unsafe-inline'");
    expect(d.get('script-src')).not.toContain("'unsafe-eval'");
    expect(d.get('style-src')).not.toContain("'unsafe-inline'");
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('frame-ancestors')).toEqual(["'none'"]);
    expect(d.has('upgrade-insecure-requests')).toBe(true);
  });

  it('upgrades insecure requests only over https (over http it would point assets at a closed port)', () => {
    expect(contentSecurityPolicy('abc', { https: false, dev: false })).not.toContain('upgrade-insecure-requests');
  });

  it('allows eval and inline styles in development only (React’s dev build, injected styles)', () => {
    const d = directives(contentSecurityPolicy('abc', { https: false, dev: true }));
    expect(d.get('script-src')).toContain("'unsafe-eval'");
    expect(d.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it('gets a fresh, unguessable nonce every time: 16 random bytes in base64', () => {
    const nonces = new Set(Array.from({ length: 1000 }, newNonce));
    expect(nonces.size).toBe(1000);
    for (const n of [...nonces].slice(0, 20)) expect(Buffer.from(n, 'base64')).toHaveLength(16);
  });
});

describe('HSTS', () => {
  it('applies when the public URL is https or the request came over https (directly or as the proxy says)', () => {
    expect(servedOverHttps('https://doudi.example.gov.cn', 'http:')).toBe(true);
    expect(servedOverHttps(undefined, 'https:')).toBe(true);
    expect(servedOverHttps('http://127.0.0.1:3000', 'http:')).toBe(false);
    expect(servedOverHttps(undefined, 'http:')).toBe(false);
    expect(HSTS).toBe('max-age=31536000');
  });
});
