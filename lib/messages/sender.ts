import 'server-only';
import { maskPhone } from './texts';

/** Sends one text message; throws when the gateway did not take it (the outbox retries). */
export interface MessageSender {
  readonly name: string;
  send(message: { id: number; phone: string; body: string }): Promise<void>;
}

/** The default: writes what would be sent to the server's log (masked number), sends nothing. */
export const logSender: MessageSender = {
  name: 'log',
  async send(m) {
    console.info(`[短信·记录模式] #${m.id} → ${maskPhone(m.phone)}：${m.body}`);
  },
};

/**
 * An SMS gateway over HTTP (DOUDI_SMS_SENDER=http): POST DOUDI_SMS_GATEWAY_URL with JSON
 * { id, phone, text }, `Authorization: Bearer DOUDI_SMS_GATEWAY_TOKEN`; any 2xx is taken as
 * accepted, anything else (or no answer in 10 s) is a failure to retry. `id` lets the gateway
 * drop a message it has already taken (a retry after a lost answer).
 */
export function httpSender(url: string, token: string | undefined, timeoutMs = 10_000): MessageSender {
  return {
    name: 'http',
    async send(m) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ id: String(m.id), phone: m.phone, text: m.body }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!res.ok) throw new Error(`短信网关返回 ${res.status}`);
    },
  };
}

export function configuredSender(env: Partial<Record<string, string>> = process.env): MessageSender {
  const kind = env.DOUDI_SMS_SENDER ?? 'log';
  if (kind === 'log') return logSender;
  if (kind === 'http') {
    const url = env.DOUDI_SMS_GATEWAY_URL;
    if (!url || !/^https?:\/\//.test(url)) throw new Error('DOUDI_SMS_SENDER=http needs DOUDI_SMS_GATEWAY_URL (http:// or https://)');
    return httpSender(url, env.DOUDI_SMS_GATEWAY_TOKEN);
  }
  throw new Error(`DOUDI_SMS_SENDER must be log or http, not ${kind}`);
}
