export type ParsedFen = { ok: true; fen: number } | { ok: false; error: string };

const MAX_YUAN_DIGITS = 9; // 100,000,000 yuan: far above any aid amount, still exact in a JS number
const MAX_FEN = 100_000_000 * 100;

// Either plain digits or correctly grouped thousands ("2,452" but not "24,52").
const AMOUNT = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * A yuan amount as typed ("2452", "2,452.00", "￥12.30") → integer fen. Works on the digits
 * as text so that "0.1" is exactly 10 fen; parseFloat would make 0.1 + 0.2 ≠ 0.3.
 */
export function parseYuanToFen(raw: string): ParsedFen {
  const text = raw.trim().replace(/^[￥¥]\s*/, '');
  if (text.length === 0) return { ok: false, error: '请填写金额' };
  if (text.startsWith('-')) return { ok: false, error: '金额不能为负数' };

  const match = AMOUNT.exec(text);
  if (!match) return { ok: false, error: '请输入有效的金额，例如 2452 或 2,452.00' };
  const whole = match[1]!.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const decimals = match[2] ?? '';
  if (decimals.length > 2) return { ok: false, error: '金额最多两位小数' };
  if (whole.length > MAX_YUAN_DIGITS) return { ok: false, error: '金额不能超过 100,000,000 元' };

  const fen = Number(whole) * 100 + Number(decimals.padEnd(2, '0'));
  if (fen > MAX_FEN) return { ok: false, error: '金额不能超过 100,000,000 元' };
  return { ok: true, fen };
}

/** A bank file's amount: "2452.00", "2452", "2452.5" → fen; anything else (signs, separators, 3 decimals) → null. */
export function parsePlainYuan(text: string): number | null {
  const m = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** fen → "2452.00": the bank file's amount, no separators. */
export function plainYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}
