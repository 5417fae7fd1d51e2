/**
 * Demo mode or production (issue 12). Demo mode is the embedded database (no DATABASE_URL)
 * or an explicit DOUDI_DEMO=1: demo users are seeded, every page carries the demo banner and
 * the second factor is skipped. On a PostgreSQL server without DOUDI_DEMO=1 Doudi is in
 * production: no demo user, first admin by `npm run admin:create`, TOTP for privileged roles.
 * DOUDI_DEMO=0 forces production also on the embedded database (tests of production rules).
 */
export type DeploymentMode = 'demo' | 'production';

export function deploymentMode(env: Record<string, string | undefined> = process.env): DeploymentMode {
  const flag = env.DOUDI_DEMO?.trim();
  if (flag === '1' || flag === 'true') return 'demo';
  if (flag === '0' || flag === 'false') return 'production';
  return env.DATABASE_URL ? 'production' : 'demo';
}

export function isDemoMode(env: Record<string, string | undefined> = process.env): boolean {
  return deploymentMode(env) === 'demo';
}
