import { z } from 'zod';
import { todayInChina } from './time';

/** GB 11643-1999 resident identity number: 6-digit region, 8-digit birth date, 3-digit sequence, check digit. */
export type ParsedIdNumber =
  | { ok: true; id: string; birthDate: string; sex: '男' | '女'; regionCode: string }
  | { ok: false; error: string };

/** The mod 11-2 weights of the first 17 digits, and the check character for each remainder. */
export const ID_CHECK_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
export const ID_CHECK_CHARS = '10X98765432';

/** The mod 11-2 check character for the first 17 digits. */
export function idCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new Error('idCheckDigit expects exactly 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_CHECK_WEIGHTS[i]!;
  return ID_CHECK_CHARS[sum % 11]!;
}

// Dates are compared in China's time zone: a server clock in UTC would otherwise refuse a
// child born this morning in 吕梁 as "born in the future" until 08:00.

function isRealDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function parseIdNumber(raw: string, today: Date): ParsedIdNumber {
  const id = raw.trim().toUpperCase();
  if (id.length === 0) return { ok: false, error: '请填写身份证号' };
  if (id.length !== 18) {
    return { ok: false, error: `身份证号应为 18 位，当前输入了 ${id.length} 位` };
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    return { ok: false, error: '身份证号前 17 位应为数字，最后一位为数字或 X' };
  }
  // The expected digit is deliberately not shown: it would let a mistyped number be "fixed"
  // by copying the hint instead of checking the card.
  if (idCheckDigit(id.slice(0, 17)) !== id[17]) {
    return { ok: false, error: '身份证号校验码不正确，请核对后重新输入' };
  }

  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const birthDate = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(y, m, d)) {
    return { ok: false, error: `身份证号中的出生日期 ${birthDate} 不是有效日期` };
  }
  if (y < 1900) return { ok: false, error: '身份证号中的出生日期早于 1900 年，请核对' };
  if (birthDate > todayInChina(today)) {
    return { ok: false, error: '身份证号中的出生日期晚于今天，请核对' };
  }

  const sex = Number(id[16]) % 2 === 1 ? '男' : '女';
  return { ok: true, id, birthDate, sex, regionCode: id.slice(0, 6) };
}

/**
 * Zod field for a resident ID; outputs the normalized (upper-case) number.
 * Without `today` the date is read at each parse, not when the schema is built, so a
 * module-level schema in a long-running server still accepts a child born yesterday.
 */
export function idNumberSchema(today?: Date) {
  return z.string({ error: '请填写身份证号' }).transform((raw, ctx) => {
    const parsed = parseIdNumber(raw, today ?? new Date());
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.id;
  });
}
