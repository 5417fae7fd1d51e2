// Run as its own process by payouts-generate.test.ts (`tsx generate-child.ts <username> <runId>`,
// DATABASE_URL set): regenerates a run through the app's own verb, so the test can kill this
// process in the middle of the generation, as a crashed or killed app server would be.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(`export async function resolve(specifier, context, next) {
      if (specifier === 'server-only') return next(specifier, { ...context, conditions: [...context.conditions, 'react-server'] });
      return next(specifier, context);
    }`),
);

const [username, runId] = process.argv.slice(2);
const { getDb } = await import('@/db/client');
const { users } = await import('@/db/schema');
const { eq } = await import('drizzle-orm');
const { resolveSessionUser } = await import('@/lib/auth/session-check');
const { regenerateRun } = await import('@/lib/payouts/regenerate-run');
const db = await getDb();
const [row] = await db.select().from(users).where(eq(users.username, username!));
const user = await resolveSessionUser(db, { uid: row!.id, sv: row!.sessionVersion, loginAt: Math.floor(Date.now() / 1000) }, Date.now());
console.log('generating');
await regenerateRun(user!, { runId: runId! });
console.log('finished'); // never reached when the test kills the process
process.exit(0);
