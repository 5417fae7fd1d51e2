export type BankAccountKind = 'card' | 'passbook';

export const bankAccountKinds: Record<BankAccountKind, string> = {
  card: '银行卡',
  passbook: '存折',
};

export type BankAccountResult = { ok: true; value: string } | { ok: false; error: string };

/** Luhn (mod 10): catches any single mistyped digit and most swapped neighbours. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** Account numbers are often copied from a card or passbook in groups of four: spaces are dropped. */
export function validateBankAccount(raw: string, kind: BankAccountKind): BankAccountResult {
  const value = raw.replace(/\s+/g, '');
  if (value.length === 0) return { ok: false, error: '请填写账号' };

  if (kind === 'passbook') {
    if (!/^[0-9A-Za-z]+$/.test(value)) return { ok: false, error: '存折账号只能包含数字或字母' };
    if (value.length < 6 || value.length > 30) {
      return { ok: false, error: `存折账号应为 6–30 位，当前为 ${value.length} 位` };
    }
    return { ok: true, value };
  }

  if (!/^\d+$/.test(value)) return { ok: false, error: '银行卡号只能包含数字' };
  if (value.length < 16 || value.length > 19) {
    return { ok: false, error: `银行卡号应为 16–19 位数字，当前为 ${value.length} 位` };
  }
  if (!passesLuhn(value)) return { ok: false, error: '银行卡号校验不通过，请核对是否抄错' };
  return { ok: true, value };
}
