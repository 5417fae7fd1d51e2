// The one module that owns rounding of benefit amounts. Everything before rounding is exact:
// a share of a standard in basis points is a whole number of 1/10000 fen, a yearly figure paid
// monthly is a whole number of 1/12 fen. We carry such values as a fraction of bigints and round
// exactly once, when a household's total of one component (补差, 分类施保, …) is known. Rounding
// each member's share first would drift: 3 × 80.40 = 241.20, but 3 × round(80.40) = 240.

/** An exact amount of money: `num / den` fen, `den` > 0. */
export type ExactFen = { readonly num: bigint; readonly den: bigint };

const BASIS_POINTS = 10_000n;

/** Integer fen, checked: a fraction here means a yuan/fen conversion went wrong upstream. */
export function assertFen(label: string, value: number, { allowNegative = false } = {}): void {
  if (!Number.isSafeInteger(value) || (!allowNegative && value < 0)) {
    throw new Error(`${label} must be a${allowNegative ? 'n' : ' non-negative'} integer number of fen, got ${value}`);
  }
}

export function exactFen(fen: number): ExactFen {
  assertFen('fen', fen, { allowNegative: true });
  return { num: BigInt(fen), den: 1n };
}

/** `fen × basisPoints / 10000`, exactly (50 % of 402.00 yuan = 5000 bp × 40200 fen). */
export function shareOf(fen: number, basisPoints: number): ExactFen {
  assertFen('fen', fen);
  if (!Number.isSafeInteger(basisPoints) || basisPoints < 0) {
    throw new Error(`basisPoints must be a non-negative integer, got ${basisPoints}`);
  }
  return { num: BigInt(fen) * BigInt(basisPoints), den: BASIS_POINTS };
}

const gcd = (a: bigint, b: bigint): bigint => {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

/** Σ parts, exactly (over their least common denominator). */
export function sumExact(parts: readonly ExactFen[]): ExactFen {
  return parts.reduce<ExactFen>((acc, p) => {
    const den = (acc.den / gcd(acc.den, p.den)) * p.den;
    return { num: acc.num * (den / acc.den) + p.num * (den / p.den), den };
  }, { num: 0n, den: 1n });
}

/**
 * Rounds to whole yuan, half up (四舍五入), and returns fen (a multiple of 100): 705.50 → 706,
 * 705.49 → 705. A negative amount rounds half away from zero, mirroring the positive side, so
 * that a recovery (扣回) of −705.50 is −706 and never differs from its positive counterpart.
 */
export function roundToYuanHalfUp(amount: ExactFen | number): number {
  const x = typeof amount === 'number' ? exactFen(amount) : amount;
  if (x.den <= 0n) throw new Error(`den must be positive, got ${x.den}`);
  const negative = x.num < 0n;
  const magnitude = negative ? -x.num : x.num;
  const perYuan = x.den * 100n;
  // floor(m / d + 1/2) = floor((2m + d) / 2d): exact integer arithmetic, no floats.
  const yuan = (2n * magnitude + perYuan) / (2n * perYuan);
  const fen = Number(yuan * 100n);
  if (!Number.isSafeInteger(fen)) throw new Error('amount out of range');
  return negative && fen !== 0 ? -fen : fen;
}

/** A standard published per year, paid monthly: annual ÷ 12, whole yuan, half up (6,577 → 548). */
export function annualToMonthlyFen(annualFen: number): number {
  assertFen('annualFen', annualFen);
  return roundToYuanHalfUp({ num: BigInt(annualFen), den: 12n });
}
