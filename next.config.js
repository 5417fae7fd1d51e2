/** @type {import('next').NextConfig} */
const nextConfig = {
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
