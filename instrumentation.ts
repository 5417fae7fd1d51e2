/**
 * Runs once when the server process starts (not at build time): refuse to run in production
 * without the auth secret, and open the database now so migrations apply on start and a
 * second process on the same embedded data folder is refused at once.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/server/startup');
  await startServer();
}
