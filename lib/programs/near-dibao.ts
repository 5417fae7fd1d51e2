// 低保边缘 households and 单独申请: per-person income at or above the dibao standard but below
// standard × multiplier (policy data, e.g. 150 %). Their severely disabled and seriously ill
// members may apply for dibao alone, as single-person households; the household test
// (isNearDibao) and the member test (mayApplyAlone) are separate, and the caller needs both.
import { assertFen } from './rounding';

/**
 * Compared exactly as integers: income × 100 < standard × pct. A per-person income floored to
 * the fen (countMonthlyIncome's perPersonFen) gives the same answer at the dibao boundary, since
 * the standard is whole fen; at the upper margin it can differ only when standard × multiplier
 * is not itself whole fen, and then by less than one fen.
 */
export function isNearDibao(input: { perPersonIncomeFen: number; monthlyStandardFen: number; multiplierPct: number }): boolean {
  const { perPersonIncomeFen: income, monthlyStandardFen: standard, multiplierPct: pct } = input;
  assertFen('perPersonIncomeFen', income);
  assertFen('monthlyStandardFen', standard);
  if (!Number.isInteger(pct) || pct < 100) throw new Error(`multiplierPct must be an integer ≥ 100, got ${pct}`);
  if (income < standard) return false; // below the standard is dibao, not near-dibao
  return BigInt(income) * 100n < BigInt(standard) * BigInt(pct);
}

export type SingleApplicant = { disabilityKind?: string | null; disabilityGrade?: number | null; seriousIllness: boolean };

/**
 * The ground on which a member may apply alone (单独申请), in Chinese, or null when there is
 * none: grade 1–2 disability of any kind, grade 3 intellectual or mental disability, or serious
 * illness. Whether the household is near-dibao (isNearDibao) is checked by the caller.
 */
export function applyAloneGrounds(member: SingleApplicant): string | null {
  const grade = member.disabilityGrade ?? null;
  const kind = member.disabilityKind ?? '';
  if (grade === 1 || grade === 2) return `${grade} 级残疾`;
  if (grade === 3 && (kind === '智力' || kind === '精神')) return `三级${kind}残疾`;
  if (member.seriousIllness) return '重病患者';
  return null;
}

export function mayApplyAlone(member: SingleApplicant): boolean {
  return applyAloneGrounds(member) !== null;
}
