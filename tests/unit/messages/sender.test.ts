import { describe, expect, it } from 'vitest';
import { configuredSender } from '@/lib/messages/sender';

describe('configuredSender', () => {
  it('logs by default, posts to a gateway when told, and refuses a half-set or unknown configuration', () => {
    expect(configuredSender({}).name).toBe('log');
    expect(configuredSender({ DOUDI_SMS_SENDER: 'http', DOUDI_SMS_GATEWAY_URL: 'https://sms.example/send' }).name).toBe('http');
    expect(() => configuredSender({ DOUDI_SMS_SENDER: 'http' })).toThrow(/DOUDI_SMS_GATEWAY_URL/);
    expect(() => configuredSender({ DOUDI_SMS_SENDER: 'http', DOUDI_SMS_GATEWAY_URL: 'ftp://x' })).toThrow(/DOUDI_SMS_GATEWAY_URL/);
    expect(() => configuredSender({ DOUDI_SMS_SENDER: 'smtp' })).toThrow(/log or http/);
  });
});

describe('httpSender', () => {
  it('posts { id, phone, text } with the bearer token and takes only a 2xx as sent', async () => {
    const http = await import('node:http');
    const { httpSender } = await import('@/lib/messages/sender');
    const got: { auth?: string; body: string }[] = [];
    let status = 200;
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        got.push({ auth: req.headers.authorization, body });
        res.statusCode = status;
        res.end();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as { port: number };
    try {
      const sender = httpSender(`http://127.0.0.1:${port}/send`, 'sekret');
      await sender.send({ id: 7, phone: '13912345678', body: '你好' });
      expect(got).toEqual([{ auth: 'Bearer sekret', body: JSON.stringify({ id: '7', phone: '13912345678', text: '你好' }) }]);
      status = 503;
      await expect(sender.send({ id: 8, phone: '139', body: 'x' })).rejects.toThrow('短信网关返回 503');
    } finally {
      server.close();
    }
  });
});
