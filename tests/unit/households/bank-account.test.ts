import { describe, expect, it } from 'vitest';
import { validateBankAccount } from '@/lib/households/bank-account';

/** Independent Luhn implementation: the digit that makes `body + digit` pass. */
function luhnDigit(body: string): string {
  let sum = 0;
  [...body].reverse().forEach((c, i) => {
    const n = Number(c) * (i % 2 === 0 ? 2 : 1);
    sum += n > 9 ? n - 9 : n;
  });
  return String((10 - (sum % 10)) % 10);
}

const validCard = (body: string) => body + luhnDigit(body);

describe('validateBankAccount — card', () => {
  it('accepts a 19-digit card that passes Luhn, typed in groups of four', () => {
    const card = validCard('622848047000000123');
    expect(card).toHaveLength(19);
    const spaced = card.replace(/(\d{4})/g, '$1 ');
    expect(validateBankAccount(spaced, 'card')).toEqual({ ok: true, value: card });
  });

  it('accepts a well-known 16-digit test number', () => {
    expect(validateBankAccount('4111 1111 1111 1111', 'card')).toEqual({ ok: true, value: '4111111111111111' });
  });

  it('refuses a card with one mistyped digit', () => {
    const card = validCard('622848047000000123');
    const last = Number(card.at(-1));
    const typo = card.slice(0, -1) + String((last + 1) % 10);
    expect(validateBankAccount(typo, 'card')).toEqual({ ok: false, error: '银行卡号校验不通过，请核对是否抄错' });
  });

  it('says how many digits were typed when the length is wrong', () => {
    expect(validateBankAccount(validCard('62284804700000'), 'card')).toEqual({
      ok: false,
      error: '银行卡号应为 16–19 位数字，当前为 15 位',
    });
    expect(validateBankAccount(validCard('6228480470000001234'), 'card')).toEqual({
      ok: false,
      error: '银行卡号应为 16–19 位数字，当前为 20 位',
    });
  });

  it('refuses letters and empty input', () => {
    expect(validateBankAccount('6228A80470000001234', 'card')).toEqual({ ok: false, error: '银行卡号只能包含数字' });
    expect(validateBankAccount('  ', 'card')).toEqual({ ok: false, error: '请填写账号' });
  });
});

describe('validateBankAccount — passbook (存折)', () => {
  it('accepts 6–30 digits or letters without a Luhn check', () => {
    expect(validateBankAccount('1411 3000 1234 5678 9', 'passbook')).toEqual({ ok: true, value: '14113000123456789' });
    expect(validateBankAccount('JK0358', 'passbook')).toEqual({ ok: true, value: 'JK0358' });
    expect(validateBankAccount('1'.repeat(30), 'passbook')).toMatchObject({ ok: true });
  });

  it('refuses too short, too long and punctuation', () => {
    expect(validateBankAccount('12345', 'passbook')).toEqual({ ok: false, error: '存折账号应为 6–30 位，当前为 5 位' });
    expect(validateBankAccount('1'.repeat(31), 'passbook')).toEqual({ ok: false, error: '存折账号应为 6–30 位，当前为 31 位' });
    expect(validateBankAccount('1234-5678', 'passbook')).toEqual({ ok: false, error: '存折账号只能包含数字或字母' });
  });
});
