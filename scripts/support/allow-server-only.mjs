// For scripts run outside Next.js (`tsx --import ./scripts/support/allow-server-only.mjs …`):
// app modules `import 'server-only'`, which throws outside a React Server Components bundle;
// under the react-server condition the package is an empty module. Only that one specifier.
import { register } from 'node:module';

register(
  'data:text/javascript,' +
    encodeURIComponent(
      "export async function resolve(s, c, next) { return s === 'server-only' ? next(s, { ...c, conditions: [...c.conditions, 'react-server'] }) : next(s, c); }",
    ),
);
