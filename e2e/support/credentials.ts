// Posts a sign-in straight to next-auth's credentials endpoint over node:http, so that a spec
// chooses what a browser cannot: the local address the connection comes from (any 127.x.y.z
// reaches the server on 127.0.0.1), and an X-Forwarded-For header of its own.
import http from 'node:http';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function send(url: URL, opts: { method: string; headers: Record<string, string>; body?: string; localAddress?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, method: opts.method, headers: opts.headers, localAddress: opts.localAddress },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

export interface CredentialsAttempt {
  username: string;
  password: string;
  /** The connection's source address (default 127.0.0.1). */
  from?: string;
  forwardedFor?: string;
  callbackUrl?: string;
}

/** next-auth's answer: where it would send the browser (`url`), with `?error=…` when refused. */
export async function postCredentials(baseUrl: string, a: CredentialsAttempt): Promise<{ status: number; url: string; signedIn: boolean }> {
  const base = new URL(baseUrl);
  const extra: Record<string, string> = a.forwardedFor ? { 'X-Forwarded-For': a.forwardedFor } : {};
  const csrf = await send(new URL('/api/auth/csrf', base), { method: 'GET', headers: extra, localAddress: a.from });
  const cookie = (csrf.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({
    csrfToken,
    username: a.username,
    password: a.password,
    callbackUrl: a.callbackUrl ?? `${base.origin}/`,
    json: 'true',
  }).toString();
  const res = await send(new URL('/api/auth/callback/credentials', base), {
    method: 'POST',
    headers: { ...extra, 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie, Origin: base.origin },
    body,
    localAddress: a.from,
  });
  const url = (JSON.parse(res.body) as { url: string }).url;
  const signedIn = (res.headers['set-cookie'] ?? []).some((c) => c.startsWith('doudi.session='));
  return { status: res.status, url, signedIn };
}
