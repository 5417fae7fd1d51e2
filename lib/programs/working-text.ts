// Text for the "working" (计算过程) a supervisor reads next to an amount. It shows exact values
// (80.402, not a pre-rounded 80.40) so that the one rounding step is visible where it happens.
import type { ExactFen } from './rounding';

const group = (digits: string): string => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');

function decimal(num: bigint, den: bigint, minDecimals: number, maxDecimals: number): string {
  const sign = num < 0n ? '−' : '';
  const m = num < 0n ? -num : num;
  const scale = 10n ** BigInt(maxDecimals);
  const scaled = m * scale;
  const exact = scaled % den === 0n;
  const units = scaled / den; // truncated when not exact; marked with "…" below
  const whole = (units / scale).toString();
  let frac = (units % scale).toString().padStart(maxDecimals, '0');
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  return `${sign}${group(whole)}${frac ? `.${frac}` : ''}${exact ? '' : '…'}`;
}

/** 201000 → "2,010.00" */
export function yuanText(fen: number): string {
  return decimal(BigInt(fen), 100n, 2, 2);
}

/** A rounded amount (a multiple of 100 fen) → "2,452" */
export function wholeYuanText(fen: number): string {
  return decimal(BigInt(fen), 100n, 0, 2);
}

/** An exact amount in yuan, at least two decimals, as many more as it needs (up to six). */
export function exactYuanText(x: ExactFen): string {
  return decimal(x.num, x.den * 100n, 2, 6);
}

/** 5000 → "50%", 1250 → "12.5%" */
export function basisPointsText(bp: number): string {
  return `${decimal(BigInt(bp), 100n, 0, 2)}%`;
}
