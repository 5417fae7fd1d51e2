// ESLint 9 flat config: Next.js rules (core web vitals + TypeScript) plus the project's guards.
import { fileURLToPath } from 'node:url';
import nextCoreWebVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';
import drizzle from 'eslint-plugin-drizzle';

const tsconfigRootDir = fileURLToPath(new URL('.', import.meta.url));

const dataAccessMessage =
  'Pages, route handlers and components reach the database only through lib/ (which scopes and audits every query); do not open it here.';

const componentsFromAppMessage =
  'Components do not import from app/ (routes only): take server actions from lib/<area>/actions.ts, or as props from the page.';

/** The imports that open the database or build queries, refused outside lib/ (type imports are fine). */
const dataAccess = (morePatterns = []) => ({
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
    ...morePatterns,
  ],
});

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

  // Architecture: app/ and components/ never open the database or build queries themselves;
  // components (shared UI) take what they show and the action they post to from their page or
  // from lib/<area>/actions.ts, never from a route folder. (A later block for the same files
  // replaces the rule's options, so components repeat the data-access part through dataAccess.)
  {
    files: ['app/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': ['error', dataAccess()],
    },
  },
  {
    files: ['components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        dataAccess([
          { regex: '^@/app(/|$)', message: componentsFromAppMessage },
          { regex: '^(\\.{1,2}/)+(.*/)?app/', message: componentsFromAppMessage },
        ]),
      ],
    },
  },

  // An UPDATE or DELETE without WHERE changes every row of a table: never by accident.
  {
    files: ['**/*.ts', '**/*.tsx'],
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
      'drizzle/enforce-update-with-where': ['error', { drizzleObjectName: ['db', 'tx'] }],
    },
  },
];

export default config;
