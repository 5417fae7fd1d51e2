// ESLint 9 flat config: Next.js rules (core web vitals + TypeScript) plus the project's guards.
import { fileURLToPath } from 'node:url';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

const tsconfigRootDir = fileURLToPath(new URL('.', import.meta.url));

const dataAccessMessage =
  'Pages, route handlers and components reach the database only through lib/ (which scopes and audits every query); do not open it here.';

const config = [
  {
    ignores: [
      '.next/**',
      'node_modules/**',
      '.data/**',
      'test-results/**',
      'playwright-report/**',
      'db/migrations/**',
      'next-env.d.ts',
    ],
  },
  ...nextCoreWebVitals,
  ...nextTypescript,

  // `_name` marks a value deliberately left unused (e.g. a field dropped with a rest pattern).
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'warn',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  // Tool configuration files export their configuration object directly.
  {
    files: ['*.config.{js,mjs,cjs,ts}'],
    rules: { 'import/no-anonymous-default-export': 'off' },
  },

  // A promise nobody awaits loses its error (and, in a transaction or an audit write, its
  // ordering). Needs type information: every .ts/.tsx file is in tsconfig.json.
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },

  // Architecture: app/ and components/ never open the database or build queries themselves.
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@/db/client', message: dataAccessMessage, allowTypeImports: true },
            { name: 'drizzle-orm', message: dataAccessMessage, allowTypeImports: true },
            { name: 'postgres', message: dataAccessMessage },
            { name: '@electric-sql/pglite', message: dataAccessMessage },
          ],
          patterns: [
            { group: ['drizzle-orm/*'], message: dataAccessMessage, allowTypeImports: true },
            // the same module reached by a relative path
            { regex: '^(\\.{1,2}/)+(.*/)?db/client(\\.ts)?$', message: dataAccessMessage, allowTypeImports: true },
          ],
        },
      ],
    },
  },
];

export default config;
