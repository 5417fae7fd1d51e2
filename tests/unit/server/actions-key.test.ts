import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { actionsKeyProblem } from '@/lib/server/actions-key';

describe('NEXT_SERVER_ACTIONS_ENCRYPTION_KEY', () => {
  it('accepts none (one machine: Next draws one per build) and base64 of an AES key', () => {
    expect(actionsKeyProblem(undefined)).toBeNull();
    expect(actionsKeyProblem('')).toBeNull();
    for (const n of [16, 24, 32]) expect(actionsKeyProblem(randomBytes(n).toString('base64'))).toBeNull();
  });

  it.each([
    ['a passphrase', 'correct horse battery staple'],
    ['a key of 31 bytes', randomBytes(31).toString('base64')],
    ['a key of 64 bytes', randomBytes(64).toString('base64')],
    ['hex instead of base64', randomBytes(32).toString('hex')],
    ['base64 cut short', randomBytes(32).toString('base64').slice(0, 43)],
  ])('refuses %s', (_label, value) => {
    expect(actionsKeyProblem(value)).toMatch(/^NEXT_SERVER_ACTIONS_ENCRYPTION_KEY 应为 16、24 或 32 字节的 base64/);
  });
});
