// Runs after both webServers answer /api/health (see the lifecycle notes in
// playwright.config.ts) and before the first spec: checks that what the specs rely on is
// there, so a broken setup fails once with a clear message instead of in every spec.
import postgres from 'postgres';
import { e2eBaseUrl, e2eDatabaseUrl, e2ePgliteUrl } from './support/env';

export default async function globalSetup(): Promise<void> {
  const sql = postgres(e2eDatabaseUrl(), { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ n: number }[]>`select count(*)::int as n from users`;
    if (!row || row.n < 5) throw new Error(`e2e database ${e2eDatabaseUrl()} is not seeded (users: ${row?.n ?? 0})`);
  } finally {
    await sql.end();
  }
  for (const base of [e2eBaseUrl, e2ePgliteUrl]) {
    const res = await fetch(`${base}/login`);
    if (!res.ok) throw new Error(`e2e: ${base}/login answered ${res.status}`);
  }
}
