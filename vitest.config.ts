// Vitest 4 configuration: three projects, selected with `vitest run --project <name>`.
//   unit         tests/unit/**        pure functions, no database
//   integration  tests/integration/** against a real PostgreSQL server: global-setup.ts creates,
//                                     migrates and seeds a fresh database per run and drops it after
//   pglite       tests/pglite/**      the embedded PGlite path (each test uses its own temp folder)
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

const resolve = {
  alias: {
    // `import 'server-only'` throws outside a React Server Components bundle; tests import
    // server modules directly, so it becomes an empty module here.
    'server-only': fileURLToPath(new URL('./tests/support/empty.ts', import.meta.url)),
    '@': fileURLToPath(new URL('.', import.meta.url)),
  },
};

export default defineConfig({
  resolve,
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          root,
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        resolve,
        test: {
          name: 'integration',
          root,
          environment: 'node',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/integration/global-setup.ts'],
          // The key sessions and second-factor secrets are sealed with (lib/auth/totp.ts), as a server has.
          env: { NEXTAUTH_SECRET: 'integration-tests-secret-0123456789abcdef' },
          // One database for the whole run: files run one after another, never side by side.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        resolve,
        test: {
          name: 'pglite',
          root,
          environment: 'node',
          include: ['tests/pglite/**/*.test.ts'],
          // PGlite is single-process and memory-hungry: one file at a time.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
