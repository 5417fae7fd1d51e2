import { execFileSync } from 'node:child_process';

/**
 * The build's id, the same on every machine that builds the same commit: DOUDI_BUILD_ID when
 * set, else the git commit (with `-dirty` when tracked files differ from it), else Next's
 * random one (a copy without .git). Several app servers behind one proxy must serve one build
 * id (assets under /_next/static/<id>/, client navigations); they must also share the server
 * actions' key, NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, at build time: Next salts every action id
 * with it (README, "Running more than one app server").
 */
function buildId() {
  const fromEnv = process.env.DOUDI_BUILD_ID?.trim();
  if (fromEnv) return fromEnv;
  try {
    const git = (...args) => execFileSync('git', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const commit = git('rev-parse', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') ? `${commit}-dirty` : commit;
  } catch {
    return null;
  }
}

/** @type {import('next').NextConfig} */
const nextConfig = {
  generateBuildId: buildId,
  // PGlite ships WASM and data files that must be loaded from node_modules, not bundled;
  // bundling it also lets route handlers and server actions load separate copies.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'postgres'],
  poweredByHeader: false,
  // The hard cap on a server action's body, enforced by Next.js before any action runs (and
  // answered with no message of ours). lib/actions/authed-action.ts refuses above 1 MB with a
  // Chinese message at the field; this sits above that so the message is what people see.
  experimental: { serverActions: { bodySizeLimit: '2mb' } },
  typescript: { tsconfigPath: './tsconfig.build.json' },
  async headers() {
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'same-origin' },
          // Content-Security-Policy (with a nonce per response) and HSTS: proxy.ts.
        ],
      },
    ];
  },
};

export default nextConfig;
