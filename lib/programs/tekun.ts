// 特困 basic living standard: paid monthly from a yearly figure, and checked against the local
// minimum ratio to the dibao standard. The ratio is dated policy data (null = not in force on
// that date: the seed's 2016 figures, 3,196 against 2,819, predate the 1.3 rule).
import { annualToMonthlyFen, assertFen } from './rounding';
import { yuanText } from './working-text';

export function tekunMonthlyFen(annualStandardFen: number): number {
  return annualToMonthlyFen(annualStandardFen);
}

export type TekunStandardCheck =
  | { ok: true }
  | { ok: false; code: 'tekun_below_dibao_ratio'; minimumAnnualFen: number; message: string };

const ratioText = (pct: number) => (pct / 100).toString(); // 130 → "1.3"; pct is an integer, so exact

export function checkTekunStandard(input: {
  tekunAnnualFen: number;
  dibaoAnnualFen: number;
  minRatioPct: number | null;
}): TekunStandardCheck {
  const { tekunAnnualFen, dibaoAnnualFen, minRatioPct } = input;
  assertFen('tekunAnnualFen', tekunAnnualFen);
  assertFen('dibaoAnnualFen', dibaoAnnualFen);
  if (minRatioPct === null) return { ok: true };
  if (!Number.isInteger(minRatioPct) || minRatioPct < 0) {
    throw new Error(`minRatioPct must be a non-negative integer percent, got ${minRatioPct}`);
  }
  // tekun ≥ dibao × pct / 100, compared as integers: tekun × 100 ≥ dibao × pct.
  const required = BigInt(dibaoAnnualFen) * BigInt(minRatioPct);
  if (BigInt(tekunAnnualFen) * 100n >= required) return { ok: true };
  // The lowest acceptable whole-fen figure: the exact minimum rounded up to the fen.
  const minimumAnnualFen = Number((required + 99n) / 100n);
  return {
    ok: false,
    code: 'tekun_below_dibao_ratio',
    minimumAnnualFen,
    message: `特困基本生活标准不得低于低保标准的 ${ratioText(minRatioPct)} 倍（应不低于 ${yuanText(minimumAnnualFen)} 元/年）`,
  };
}
