// Is this request to a route handler one that another site made a signed-in browser send?
// SameSite=Lax keeps the session cookie off another site's POSTs in current browsers; this is
// the second lock, for the browsers and the paths where that one does not hold (a same-site
// sibling application on another port or subdomain, an old browser, a top-level GET).
//
// Browsers tell us where a request comes from: Sec-Fetch-Site (every current browser; page
// scripts cannot set or remove it) and Origin (on every POST since 2020). The rule:
// 1. Sec-Fetch-Site decides when present: `same-origin` passes; `none` (typed into the
//    address bar, a bookmark) passes for a GET or HEAD only; `same-site` and `cross-site` are refused.
// 2. Otherwise Origin decides when present: it must name this server's host (the Host header,
//    the reverse proxy's X-Forwarded-Host, or NEXTAUTH_URL's host — the same hosts Next.js's
//    own server-action check accepts). `null` (a sandboxed frame, a redirect from elsewhere)
//    is refused.
// 3. Neither: not a browser (a script with the user's cookie, a test's request context) or a
//    very old one. A GET or HEAD passes — it changes nothing and answers only to the cookie —,
//    anything else is refused: no form of ours is posted without Origin.

export type CrossSiteReason = 'cross_site' | 'same_site' | 'foreign_origin' | 'no_origin';

const SAFE_METHODS = new Set(['GET', 'HEAD']);

function hostOf(url: string | undefined | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return null;
  }
}

/** The hosts this server answers as: what a same-origin Origin header may name. */
export function ownHosts(headers: Headers, publicUrl: string | undefined): Set<string> {
  const hosts = new Set<string>();
  const add = (h: string | null | undefined) => {
    const v = h?.split(',')[0]?.trim().toLowerCase();
    if (v) hosts.add(v);
  };
  add(headers.get('host'));
  add(headers.get('x-forwarded-host'));
  add(hostOf(publicUrl));
  return hosts;
}

/** Why this request is refused as coming from another site, or null when it may proceed. */
export function crossSiteReason(method: string, headers: Headers, publicUrl: string | undefined): CrossSiteReason | null {
  const safe = SAFE_METHODS.has(method.toUpperCase());
  const site = headers.get('sec-fetch-site')?.toLowerCase();
  if (site) {
    if (site === 'same-origin') return null;
    if (site === 'none') return safe ? null : 'no_origin';
    return site === 'same-site' ? 'same_site' : 'cross_site';
  }
  const origin = headers.get('origin');
  if (origin) {
    const host = origin === 'null' ? null : hostOf(origin);
    return host && ownHosts(headers, publicUrl).has(host) ? null : 'foreign_origin';
  }
  return safe ? null : 'no_origin';
}
