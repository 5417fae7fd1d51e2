import { describe, expect, it } from 'vitest';
import { validatePhone } from '@/lib/households/phone';

describe('validatePhone', () => {
  it.each([
    ['13912345678', '13912345678'],
    ['199 1234 5678', '19912345678'],
    ['0358-8221234', '0358-8221234'],
    ['03588221234', '03588221234'],
    ['010-12345678', '010-12345678'],
    ['0358-8221234-806', '0358-8221234-806'],
  ])('accepts %s', (raw, value) => {
    expect(validatePhone(raw)).toEqual({ ok: true, value });
  });

  it.each([
    ['12912345678', 'second digit of a mobile must be 3–9'],
    ['1391234567', 'mobile one digit short'],
    ['139123456789', 'mobile one digit long'],
    ['8221234', 'landline without area code'],
    ['0358-822123', 'landline number too short'],
    ['+86 13912345678', 'country prefix'],
    ['1391234567a', 'letters'],
  ])('refuses %s (%s)', (raw) => {
    expect(validatePhone(raw)).toEqual({ ok: false, error: expect.stringContaining('联系电话格式不正确') });
  });

  it('asks for a number when nothing was typed', () => {
    expect(validatePhone('  ')).toEqual({ ok: false, error: '请填写联系电话' });
  });
});
