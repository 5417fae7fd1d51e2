import http from 'node:http';

// Next.js 16 hands route handlers (and so next-auth's authorize) a web Request without the
// socket. Its only trace of the client's address is the header Next sets itself, and only when
// it is missing (next/dist/server/base-server.js: `req.headers['x-forwarded-for'] ??=
// socket.remoteAddress`): a client that sends its own X-Forwarded-For is believed, the socket
// is lost. Next sets no X-Real-IP, and NextRequest has had no `ip` since Next 15.
//
// So the server stamps every request, before Next sees it, with the socket's address in a
// header of its own, overwriting whatever a client sent under that name. This patches the
// 'request' event of node:http servers (the one `next start` creates is one; instrumentation
// runs before it handles a request). The stamp is believed only while this process installed
// the hook: a deployment without it cannot be fooled by a client sending the header.

export const PEER_ADDRESS_HEADER = 'x-doudi-peer-address';
const INSTALLED = Symbol.for('doudi.peer-address-hook');

type Flagged = { [INSTALLED]?: true };

export function installPeerAddressHook(): void {
  const proto = http.Server.prototype as http.Server & Flagged;
  if (proto[INSTALLED]) return;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_ADDRESS_HEADER] = req.socket?.remoteAddress ?? '';
    }
    return (emit as (this: http.Server, event: string | symbol, ...rest: unknown[]) => boolean).call(this, event, ...args);
  } as typeof proto.emit;
  proto[INSTALLED] = true;
  (globalThis as Flagged)[INSTALLED] = true;
}

export function peerAddressHookInstalled(): boolean {
  return (globalThis as Flagged)[INSTALLED] === true;
}
