import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientIp, normalizeAddress, parseTrustedProxies, resolveClientAddress } from '@/lib/auth/client-address';
import { PEER_ADDRESS_HEADER, installPeerAddressHook } from '@/lib/server/peer-address';

describe('normalizeAddress', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1'],
    [' 10.0.0.1 ', '10.0.0.1'],
    ['::ffff:10.0.0.1', '10.0.0.1'],
    ['10.0.0.1:5123', '10.0.0.1'],
    ['[2001:DB8::1]:443', '2001:db8::1'],
    ['2001:DB8::1', '2001:db8::1'],
    ['unknown', null],
    ['', null],
    ['10.0.0.256', null],
    ['evil.example', null],
  ])('%s → %s', (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});

describe('TRUSTED_PROXIES', () => {
  it('takes addresses and CIDR ranges, IPv4 and IPv6', () => {
    const t = parseTrustedProxies(' 10.0.0.5, 172.16.0.0/12 ,fd00::/8,::1');
    expect(t.entries).toEqual(['10.0.0.5', '172.16.0.0/12', 'fd00::/8', '::1']);
    expect(t.has('10.0.0.5')).toBe(true);
    expect(t.has('10.0.0.6')).toBe(false);
    expect(t.has('172.20.1.1')).toBe(true);
    expect(t.has('172.32.0.1')).toBe(false);
    expect(t.has('fd12::1')).toBe(true);
    expect(t.has('::1')).toBe(true);
  });

  it('unset or empty trusts nobody', () => {
    expect(parseTrustedProxies(undefined).has('127.0.0.1')).toBe(false);
    expect(parseTrustedProxies(' , ').has('127.0.0.1')).toBe(false);
  });

  it.each(['proxy.example', '10.0.0.0/33', '10.0.0.0/8/1', 'fd00::/129', '10.0.0.0/x', '*'])('refuses %s, naming it', (bad) => {
    expect(() => parseTrustedProxies(`10.0.0.1,${bad}`)).toThrow(bad);
  });
});

describe('the address a sign-in counts against', () => {
  const proxies = parseTrustedProxies('10.0.0.5,10.0.1.0/24');
  const none = parseTrustedProxies('');

  it('a direct client: the socket, whatever X-Forwarded-For it sends', () => {
    expect(resolveClientAddress({ peer: '198.51.100.7', forwardedFor: '203.0.113.9' }, proxies)).toBe('198.51.100.7');
    expect(resolveClientAddress({ peer: '198.51.100.7', forwardedFor: '203.0.113.9' }, none)).toBe('198.51.100.7');
  });

  it('no header: the socket, never one shared "unknown"', () => {
    expect(resolveClientAddress({ peer: '::ffff:198.51.100.7', forwardedFor: undefined }, none)).toBe('198.51.100.7');
    expect(resolveClientAddress({ peer: '198.51.100.8', forwardedFor: undefined }, proxies)).toBe('198.51.100.8');
  });

  it('through a trusted proxy: the hop it saw', () => {
    expect(resolveClientAddress({ peer: '10.0.0.5', forwardedFor: '203.0.113.9' }, proxies)).toBe('203.0.113.9');
  });

  it('what the client wrote before the proxies is skipped: the first hop from the right that is not a trusted proxy', () => {
    // The client sent "1.1.1.1"; the outer proxy 10.0.1.7 appended the client's real address, the inner one appended 10.0.1.7.
    expect(resolveClientAddress({ peer: '10.0.0.5', forwardedFor: '1.1.1.1, 203.0.113.9, 10.0.1.7' }, proxies)).toBe('203.0.113.9');
  });

  it('a chain of trusted proxies only: the farthest of them', () => {
    expect(resolveClientAddress({ peer: '10.0.0.5', forwardedFor: '10.0.1.7' }, proxies)).toBe('10.0.1.7');
  });

  it('garbage in the chain stops the walk at the last proxy', () => {
    expect(resolveClientAddress({ peer: '10.0.0.5', forwardedFor: 'evil, 10.0.1.7' }, proxies)).toBe('10.0.1.7');
  });
});

describe('the socket address reaches the handler (the server hook)', () => {
  let server: http.Server;
  let port = 0;
  let seen: string[] = [];
  beforeAll(async () => {
    installPeerAddressHook();
    server = http.createServer((req, res) => {
      seen.push(clientIp(req.headers as Record<string, unknown>));
      res.end('ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    delete process.env.TRUSTED_PROXIES;
    await new Promise((resolve) => server.close(resolve));
  });

  const get = (headers: Record<string, string>, localAddress = '127.0.0.1') =>
    new Promise<void>((resolve, reject) => {
      http.get({ host: '127.0.0.1', port, headers, localAddress }, (res) => res.resume().on('end', resolve)).on('error', reject);
    });

  it('a client cannot forge the stamp nor, unless a proxy, X-Forwarded-For', async () => {
    seen = [];
    delete process.env.TRUSTED_PROXIES;
    await get({ [PEER_ADDRESS_HEADER]: '203.0.113.66', 'x-forwarded-for': '203.0.113.9' });
    await get({});
    expect(seen).toEqual(['127.0.0.1', '127.0.0.1']);
  });

  it('a listed proxy is believed (the loopback 127.0.0.2 plays the proxy), the other addresses still are not', async () => {
    seen = [];
    process.env.TRUSTED_PROXIES = '127.0.0.2';
    await get({ 'x-forwarded-for': '203.0.113.9' }, '127.0.0.2');
    await get({ 'x-forwarded-for': '203.0.113.9' }, '127.0.0.1');
    expect(seen).toEqual(['203.0.113.9', '127.0.0.1']);
  });
});
