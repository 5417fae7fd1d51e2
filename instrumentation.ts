/**
 * Runs once when the server process starts (not at build time): refuse to run in production
 * without the auth secret, and open the database now so migrations apply on start and a
 * second process on the same embedded data folder is refused at once.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // Before the first request is handled: sign-in counts the socket's address (lib/auth/client-address.ts).
  const { installPeerAddressHook } = await import('./lib/server/peer-address');
  installPeerAddressHook();
  const { startServer } = await import('./lib/server/startup');
  await startServer();
}
