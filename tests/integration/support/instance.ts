// A second app instance for race tests: its own process and connection pool, running the app's
// own verbs against the same database, as a second Next.js server behind a proxy would.
// Protocol: one JSON request per line on stdin ({ id, verb, user, input }), one JSON answer per
// line on stdout ({ id, ok, result | code }). Started by startInstance() in ./instance-client.ts.
import { register } from 'node:module';
import readline from 'node:readline';

// Library modules `import 'server-only'`; outside a React server bundle it resolves, under the
// react-server condition, to an empty module.
register(
  'data:text/javascript,' +
    encodeURIComponent(
      "export async function resolve(s, c, next) { return s === 'server-only' ? next(s, { ...c, conditions: [...c.conditions, 'react-server'] }) : next(s, c); }",
    ),
);

const verbs = {
  regenerateRun: async () => (await import('@/lib/payouts/regenerate-run')).regenerateRun,
  approveRun: async () => (await import('@/lib/payouts/approve-run')).approveRun,
} as const;

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  const { id, verb, user, input } = JSON.parse(line) as { id: number; verb: keyof typeof verbs; user: unknown; input: unknown };
  void (async () => {
    try {
      const fn = (await verbs[verb]()) as (u: unknown, i: unknown) => Promise<unknown>;
      const result = await fn(user, input);
      process.stdout.write(JSON.stringify({ id, ok: true, result }) + '\n');
    } catch (e) {
      const code = (e as { code?: unknown }).code;
      process.stdout.write(JSON.stringify({ id, ok: false, code: typeof code === 'string' ? code : String(e) }) + '\n');
    }
  })();
});
process.stdout.write(JSON.stringify({ id: 0, ok: true, result: 'ready' }) + '\n');
