// The monthly dibao amount of a household (or of one member applying alone): 补差 + 分类施保.
// Pure: the standard, the rates and the combination rule are the policy in force, passed in;
// the counted income is computed by the caller (countMonthlyIncome) for the covered persons.
import { classifiedCategories, classifiedCategoryLabels, type ClassifiedCategory } from './categories';
import { assertFen, exactFen, roundToYuanHalfUp, shareOf, sumExact, type ExactFen } from './rounding';
import { basisPointsText, exactYuanText, wholeYuanText, yuanText } from './working-text';

/** A category's rate: a share of the monthly standard, or a fixed amount per member. */
export type ClassifiedRate = { basisPoints: number } | { fixedFen: number };

/**
 * How a member in several categories is paid. 'highest': one category per member, the highest
 * (the demo policy; a severely disabled student is paid as severely disabled only). 'sum': every
 * category the member is in. Which one applies is local policy, so it is an input.
 */
export type ClassifiedCombination = 'highest' | 'sum';

export type CoveredMember = { memberId: string; name: string; categories: readonly ClassifiedCategory[] };

export type DibaoInput = {
  monthlyStandardFen: number;
  coveredMembers: readonly CoveredMember[];
  classifiedRates: Partial<Record<ClassifiedCategory, ClassifiedRate>>;
  classifiedCombination: ClassifiedCombination;
  countedIncomeFen: number;
};

export type ClassifiedLine = {
  memberId: string;
  name: string;
  category: ClassifiedCategory;
  rate: ClassifiedRate;
  exact: ExactFen;
};

export type DibaoAmount = {
  eligible: boolean;
  persons: number;
  countedIncomeFen: number;
  lineFen: number;
  gapFen: number;
  classifiedFen: number;
  totalFen: number;
  classifiedLines: ClassifiedLine[];
  working: string[];
};

function rateAmount(rate: ClassifiedRate, standardFen: number): ExactFen {
  if ('basisPoints' in rate) return shareOf(standardFen, rate.basisPoints);
  assertFen('fixedFen', rate.fixedFen);
  return exactFen(rate.fixedFen);
}

const exceeds = (a: ExactFen, b: ExactFen) => a.num * b.den > b.num * a.den;

/** The lines one member is paid, in category order; categories without a configured rate pay nothing. */
function linesFor(member: CoveredMember, input: DibaoInput): ClassifiedLine[] {
  const rated = classifiedCategories
    .filter((c) => member.categories.includes(c))
    .flatMap((category) => {
      const rate = input.classifiedRates[category];
      return rate ? [{ memberId: member.memberId, name: member.name, category, rate, exact: rateAmount(rate, input.monthlyStandardFen) }] : [];
    });
  if (input.classifiedCombination === 'sum' || rated.length <= 1) return rated;
  // Highest: ties keep the earlier category in the fixed order, so the result never depends on input order.
  return [rated.reduce((best, l) => (exceeds(l.exact, best.exact) ? l : best))];
}

function lineText(l: ClassifiedLine, standardFen: number): string {
  const label = classifiedCategoryLabels[l.category];
  const how = 'basisPoints' in l.rate ? `${basisPointsText(l.rate.basisPoints)} × ${yuanText(standardFen)}` : '定额';
  return `${l.name} ${label} ${how} = ${exactYuanText(l.exact)}`;
}

export function computeDibao(input: DibaoInput): DibaoAmount {
  const { monthlyStandardFen: standard, countedIncomeFen: income } = input;
  assertFen('monthlyStandardFen', standard);
  assertFen('countedIncomeFen', income);
  const persons = input.coveredMembers.length;
  if (persons < 1) throw new Error('a dibao case covers at least one person');

  const lineFen = standard * persons;
  const lineWorking = `保障线：${yuanText(standard)} × ${persons} 人 = ${yuanText(lineFen)} 元；计入收入 ${yuanText(income)} 元`;
  // At the line is not below it: income exactly equal to standard × persons gets nothing.
  if (income >= lineFen) {
    return {
      eligible: false, persons, countedIncomeFen: income, lineFen, gapFen: 0, classifiedFen: 0, totalFen: 0, classifiedLines: [],
      working: [lineWorking, `计入收入不低于保障线，不符合低保条件，不予保障`],
    };
  }

  const gapExact = lineFen - income;
  const gapFen = roundToYuanHalfUp(gapExact);
  const gapRounded = gapFen === gapExact ? '' : `，四舍五入为 ${wholeYuanText(gapFen)} 元`;

  const classifiedLines = input.coveredMembers.flatMap((m) => linesFor(m, input));
  const classifiedExact = sumExact(classifiedLines.map((l) => l.exact));
  const classifiedFen = roundToYuanHalfUp(classifiedExact);
  const classifiedWorking =
    classifiedLines.length === 0
      ? '分类施保：无'
      : `分类施保：${classifiedLines.map((l) => lineText(l, standard)).join('；')}；合计 ${exactYuanText(classifiedExact)}，四舍五入为 ${wholeYuanText(classifiedFen)} 元`;

  const totalFen = gapFen + classifiedFen;
  return {
    eligible: true, persons, countedIncomeFen: income, lineFen, gapFen, classifiedFen, totalFen, classifiedLines,
    working: [
      lineWorking,
      `补差：${yuanText(standard)} × ${persons} 人 − ${yuanText(income)} = ${yuanText(gapExact)} 元${gapRounded}`,
      classifiedWorking,
      `合计：${wholeYuanText(gapFen)} + ${wholeYuanText(classifiedFen)} = ${wholeYuanText(totalFen)} 元/月`,
    ],
  };
}
