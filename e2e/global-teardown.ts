// Drops the e2e PostgreSQL database after a normal run (set E2E_KEEP_DB=1 to keep it for
// debugging). Playwright calls this before it stops the webServers, hence WITH (FORCE).
// scripts/test-all.sh drops it again in an EXIT trap (IF EXISTS), which also covers runs
// where Playwright never got this far. The PGlite folder is simply wiped at the next run.
import postgres from 'postgres';
import { e2eDatabaseTarget, e2eProductionDatabaseUrl } from './support/env';

export default async function globalTeardown(): Promise<void> {
  const { name, adminUrl } = e2eDatabaseTarget();
  const production = e2eDatabaseTarget(e2eProductionDatabaseUrl()).name;
  if (process.env.E2E_KEEP_DB === '1') {
    console.log(`e2e: keeping databases ${name}, ${production} (E2E_KEEP_DB=1)`);
    return;
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`drop database if exists "${name}" with (force)`);
    await admin.unsafe(`drop database if exists "${production}" with (force)`);
  } finally {
    await admin.end();
  }
}
