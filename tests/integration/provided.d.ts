// Values that tests/integration/global-setup.ts hands to tests through `inject()`.
import 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres:// URL of this run's freshly migrated and seeded database. */
    databaseUrl: string;
    /** The same database as its owner role (migrations, DDL): for tests that must act above the app. */
    ownerDatabaseUrl: string;
  }
}
