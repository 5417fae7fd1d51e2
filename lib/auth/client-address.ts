import { BlockList, isIP } from 'node:net';
import { PEER_ADDRESS_HEADER, peerAddressHookInstalled } from '@/lib/server/peer-address';

// The address a sign-in is counted against (lib/auth/throttle.ts). X-Forwarded-For is anyone's
// to write: it is read only when the connection itself comes from a proxy listed in
// TRUSTED_PROXIES, and then from the right — each trusted proxy appends the address it saw — to
// the first hop that is not a trusted proxy. Otherwise the socket's own address counts.

export type HeaderBag = Record<string, unknown> | Headers | undefined;

/** `::ffff:10.0.0.1` is 10.0.0.1; IPv6 in lower case; anything that is not an IP is null. */
export function normalizeAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let s = raw.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(s); // [2001:db8::1]:443
  if (bracketed) s = bracketed[1]!;
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':')); // 10.0.0.1:5123
  s = s.toLowerCase();
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/.exec(s);
  if (mapped) s = mapped[1]!;
  return isIP(s) ? s : null;
}

export interface TrustedProxies {
  has(address: string): boolean;
  readonly entries: readonly string[];
}

/** TRUSTED_PROXIES: comma-separated addresses and CIDR ranges (10.0.0.5, 10.1.0.0/16, fd00::/8). Throws on a bad entry. */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  const entries: string[] = [];
  for (const raw of (value ?? '').split(',')) {
    const entry = raw.trim();
    if (!entry) continue;
    const [addr, prefix, extra] = entry.split('/');
    const ip = normalizeAddress(addr);
    const family = ip ? (isIP(ip) === 6 ? 'ipv6' : 'ipv4') : null;
    const bits = prefix === undefined ? null : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!ip || !family || extra !== undefined || Number.isNaN(bits) || (bits !== null && bits > (family === 'ipv6' ? 128 : 32))) {
      throw new Error(`TRUSTED_PROXIES 中的「${entry}」不是 IP 地址或 CIDR 网段（例如 10.0.0.5 或 10.0.0.0/24）`);
    }
    if (bits === null) list.addAddress(ip, family);
    else list.addSubnet(ip, bits, family);
    entries.push(entry);
  }
  return {
    entries,
    has: (address) => entries.length > 0 && list.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4'),
  };
}

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  if (Array.isArray(value)) return value.join(',');
  return typeof value === 'string' ? value : undefined;
}

export interface AddressSources {
  /** The socket's address, as the server saw it (null when unknown). */
  peer: string | null;
  forwardedFor: string | undefined;
}

/** The client's address from the socket's and the X-Forwarded-For chain, trusting only the listed proxies. */
export function resolveClientAddress({ peer, forwardedFor }: AddressSources, trusted: TrustedProxies): string | null {
  const socket = normalizeAddress(peer);
  if (!socket || !trusted.has(socket) || !forwardedFor) return socket;
  let client = socket;
  const hops = forwardedFor.split(',');
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    if (!hop) break; // garbage a trusted proxy passed on: the last proxy is what we know
    client = hop;
    if (!trusted.has(hop)) break;
  }
  return client;
}

let cachedTrusted: { value: string | undefined; parsed: TrustedProxies } | null = null;
export function trustedProxies(): TrustedProxies {
  const value = process.env.TRUSTED_PROXIES;
  if (!cachedTrusted || cachedTrusted.value !== value) cachedTrusted = { value, parsed: parseTrustedProxies(value) };
  return cachedTrusted.parsed;
}

let warnedNoHook = false;
let warnedUntrusted = false;

/**
 * The address of the client of this request (next-auth's `req.headers`, or a Headers object).
 * The socket's address comes from the server's stamp (lib/server/peer-address.ts); without it
 * (a server started without instrumentation.ts) only Next's own X-Forwarded-For is left, whose
 * last hop is the socket's address unless the client sent the header itself — said once in the log.
 */
export function clientIp(headers: HeaderBag): string {
  const forwardedFor = header(headers, 'x-forwarded-for');
  let peer: string | null = null;
  if (peerAddressHookInstalled()) peer = header(headers, PEER_ADDRESS_HEADER) ?? null;
  if (!peer) {
    if (!warnedNoHook) {
      warnedNoHook = true;
      console.warn('[auth] 未取得连接的来源地址（instrumentation.ts 未安装 peer-address 钩子），暂以 X-Forwarded-For 的最后一跳计数登录失败');
    }
    const hops = forwardedFor?.split(',') ?? [];
    return normalizeAddress(hops[hops.length - 1]) ?? 'unknown';
  }
  const trusted = trustedProxies();
  const socket = normalizeAddress(peer);
  // Next writes the socket's address there itself when the request had none: that is no proxy.
  if (!warnedUntrusted && socket && forwardedFor && normalizeAddress(forwardedFor) !== socket && !trusted.has(socket)) {
    warnedUntrusted = true;
    console.warn(
      `[auth] 来自 ${socket} 的请求带有 X-Forwarded-For，但该地址不在 TRUSTED_PROXIES 中，已按连接地址计数登录失败。` +
        '如果它是本系统的反向代理，请把它加入 TRUSTED_PROXIES，否则其后的所有用户会被当作同一个地址。',
    );
  }
  return resolveClientAddress({ peer, forwardedFor }, trusted) ?? 'unknown';
}
