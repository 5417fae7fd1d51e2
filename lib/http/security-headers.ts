// The headers of every page response that depend on the request: a Content-Security-Policy
// with a fresh nonce, and HSTS when the app is served over https. Pure, so that proxy.ts sets
// them and the unit tests read the exact policy. The static ones (nosniff, frame, referrer)
// stay in next.config.js.

/** 16 random bytes, base64: unguessable, fresh for every response (a reused nonce is no nonce). */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

export type PolicyOptions = { https: boolean; dev: boolean };

/**
 * The policy, one directive per line of reasoning:
 * - scripts only with this response's nonce. Next.js reads the nonce from this header on the
 *   request and puts it on its own scripts (the framework, the page's chunks, the inline RSC
 *   payload); 'strict-dynamic' lets those load the chunks of later navigations. No
 *   'unsafe-inline': an injected <script> or onclick= does not run. 'self' only matters to a
 *   browser without 'strict-dynamic' (CSP 2), which ignores it otherwise. React's development
 *   build needs eval, production never.
 * - styles from our own stylesheet (Tailwind's one CSS file) or with the nonce; a style
 *   attribute is not allowed either (nothing server-rendered uses one: the charts render in
 *   the browser and set their sizes through the CSSOM, which a policy does not govern).
 * - everything else from our own origin; images also as data: and blob: URLs (none today, but
 *   an exported chart or a preview would be); no plugins, no <base> rewriting, forms post only
 *   here, and no other site frames us (frame-ancestors; X-Frame-Options for older browsers).
 * - over https, upgrade-insecure-requests; never over plain http, where it would point every
 *   asset at an https port that does not answer.
 */
export function contentSecurityPolicy(nonce: string, { https, dev }: PolicyOptions): string {
  const directives = [
    `default-src 'self'`,
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? ` 'unsafe-eval'` : ''}`,
    // Development injects its styles as <style> elements without a nonce.
    `style-src 'self' ${dev ? `'unsafe-inline'` : `'nonce-${nonce}'`}`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors 'none'`,
    ...(https ? ['upgrade-insecure-requests'] : []),
  ];
  return directives.join('; ');
}

/** One year; subdomains and preloading are the domain owner's decision, not this app's. */
export const HSTS = 'max-age=31536000';

/**
 * Served over https: the public URL says so (NEXTAUTH_URL), or this request arrived over it —
 * Next.js's URL protocol comes from the socket or from the `x-forwarded-proto` a reverse proxy
 * sets (the proxy in front must overwrite that header, as it must for the session cookie's
 * Secure flag). A client that forges it over plain http gains nothing: browsers ignore HSTS
 * received over http (RFC 6797 §8.1).
 */
export function servedOverHttps(publicUrl: string | undefined, requestProtocol: string): boolean {
  return requestProtocol === 'https:' || /^https:\/\//i.test(publicUrl ?? '');
}
