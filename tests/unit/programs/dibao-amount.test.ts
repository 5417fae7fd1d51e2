import { describe, expect, it } from 'vitest';
import amountCases from '../../fixtures/amount-cases.json';
import reference from '../../fixtures/mu-xiaojun.json';
import { countMonthlyIncome, type IncomeItem } from '@/lib/households/income';
import { categoriesOf, classifiedCategories, type ClassifiedCategory } from '@/lib/programs/categories';
import { computeDibao, type ClassifiedRate, type CoveredMember, type DibaoInput } from '@/lib/programs/dibao-amount';

const countedKinds = ['wages', 'business', 'property', 'transfer'];

const members = (n: number, categories: ClassifiedCategory[][] = []): CoveredMember[] =>
  Array.from({ length: n }, (_, i) => ({ memberId: `m${i + 1}`, name: `成员${i + 1}`, categories: categories[i] ?? [] }));

const demo = (over: Partial<DibaoInput>): DibaoInput => ({
  monthlyStandardFen: 40200,
  coveredMembers: members(1),
  classifiedRates: { severe_disability: { basisPoints: 5000 }, student: { basisPoints: 2000 } },
  classifiedCombination: 'highest',
  countedIncomeFen: 0,
  ...over,
});

describe('computeDibao: every dibao case of amount-cases.json', () => {
  it.each(amountCases.dibao.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    // The fixture gives one rate per member in a category; give each its own category so that
    // the 'highest' rule never merges them, and the remaining members none.
    const rates = c.classifiedRatesBasisPoints;
    expect(rates.length).toBeLessThanOrEqual(classifiedCategories.length);
    const classifiedRates: Partial<Record<ClassifiedCategory, ClassifiedRate>> = {};
    rates.forEach((bp, i) => (classifiedRates[classifiedCategories[i]!] = { basisPoints: bp }));
    const categories = rates.map((_, i) => [classifiedCategories[i]!]);

    // The caller counts income with the registry's rule; `counted: false` items are policy-excluded.
    const items: IncomeItem[] = c.incomeItems.map((it) => ({
      kind: it.kind, amountFen: it.fenPerMonth, memberId: null, excluded: !it.counted, from: '2019-01-01', to: null,
    }));
    const income = countMonthlyIncome(items, countedKinds, '2019-11', c.coveredPersons);

    const result = computeDibao({
      monthlyStandardFen: c.monthlyStandardFen,
      coveredMembers: members(c.coveredPersons, categories),
      classifiedRates,
      classifiedCombination: 'highest',
      countedIncomeFen: income.countedMonthlyFen,
    });
    expect({
      eligible: result.eligible,
      countedIncomeFen: result.countedIncomeFen,
      gapFen: result.gapFen,
      classifiedFen: result.classifiedFen,
      totalFen: result.totalFen,
    }).toEqual(c.expected);
  });
});

describe('the reference case (穆小军), from the registry to 2,452 yuan', () => {
  const decidedOn = '2019-11-15';
  const policy = reference.policy;
  const covered: CoveredMember[] = reference.household.members.map((m, i) => ({
    memberId: `m${i + 1}`,
    name: m.name,
    categories: categoriesOf(
      {
        disabilityKind: m.disability?.kind ?? null,
        disabilityGrade: m.disability?.grade ?? null,
        seriousIllness: false,
        schoolStage: m.inSchool ?? null,
        birthDate: m.birthDate,
      },
      decidedOn,
      { elderlyAge: 60, minorAge: 18 },
    ),
  }));

  it('classifies the father as severely disabled and the three children as students', () => {
    expect(covered.map((m) => [m.name, m.categories])).toEqual([
      ['穆小军', ['severe_disability']],
      ['刘桂英', []],
      ['穆晓东', ['student']],
      ['穆晓燕', ['student']],
      ['穆晓宇', ['student']],
    ]);
  });

  it('gives 2,010 + 442 = 2,452 with its working', () => {
    const income = countMonthlyIncome([], countedKinds, '2019-11', covered.length);
    const result = computeDibao({
      monthlyStandardFen: policy.dibaoRuralMonthlyStandardFen,
      coveredMembers: covered,
      classifiedRates: {
        severe_disability: { basisPoints: policy.classifiedRatesBasisPoints.severe_disability },
        student: { basisPoints: policy.classifiedRatesBasisPoints.student },
      },
      classifiedCombination: 'highest',
      countedIncomeFen: income.countedMonthlyFen,
    });
    expect(result.gapFen).toBe(reference.expected.dibaoGapFenPerMonth);
    expect(result.classifiedFen).toBe(reference.expected.dibaoClassifiedFenPerMonth);
    expect(result.totalFen).toBe(reference.expected.dibaoTotalFenPerMonth);
    expect(result.working).toEqual([
      '保障线：402.00 × 5 人 = 2,010.00 元；计入收入 0.00 元',
      '补差：402.00 × 5 人 − 0.00 = 2,010.00 元',
      '分类施保：穆小军 重度残疾 50% × 402.00 = 201.00；穆晓东 在校学生 20% × 402.00 = 80.40；' +
        '穆晓燕 在校学生 20% × 402.00 = 80.40；穆晓宇 在校学生 20% × 402.00 = 80.40；合计 442.20，四舍五入为 442 元',
      '合计：2,010 + 442 = 2,452 元/月',
    ]);
  });
});

describe('computeDibao edge cases', () => {
  it('counts only what policy counts: an excluded 优抚 pension leaves the gap untouched', () => {
    const items: IncomeItem[] = [
      { kind: 'wages', amountFen: 60000, memberId: 'm1', excluded: false, from: '2019-01-01', to: null },
      { kind: 'youfu', amountFen: 30000, memberId: 'm2', excluded: false, from: '2019-01-01', to: null },
      { kind: 'scholarship', amountFen: 20000, memberId: 'm2', excluded: false, from: '2019-09-01', to: null },
    ];
    const income = countMonthlyIncome(items, countedKinds, '2019-11', 2);
    expect(income.countedMonthlyFen).toBe(60000);
    const result = computeDibao(demo({ coveredMembers: members(2), countedIncomeFen: income.countedMonthlyFen }));
    expect(result.gapFen).toBe(20400);
  });

  it('shows the rounding of the gap in the working (705.50 → 706)', () => {
    const result = computeDibao(demo({ coveredMembers: members(3), countedIncomeFen: 50050 }));
    expect(result.working[1]).toBe('补差：402.00 × 3 人 − 500.50 = 705.50 元，四舍五入为 706 元');
  });

  it('pays nothing, classified included, at the line and above it, and says why', () => {
    for (const income of [80400, 80401, 500000]) {
      const result = computeDibao(demo({ coveredMembers: members(2, [['severe_disability']]), countedIncomeFen: income }));
      expect(result).toMatchObject({ eligible: false, gapFen: 0, classifiedFen: 0, totalFen: 0, classifiedLines: [] });
      expect(result.working.at(-1)).toContain('不符合低保条件');
    }
  });

  it('one fen below the line is eligible: the gap rounds to 0, classified is still paid', () => {
    const result = computeDibao(demo({ coveredMembers: members(2, [['severe_disability']]), countedIncomeFen: 80399 }));
    expect(result).toMatchObject({ eligible: true, gapFen: 0, classifiedFen: 20100, totalFen: 20100 });
  });

  it('a single-person application covers the applicant only: 402 + 201 = 603', () => {
    const result = computeDibao(demo({ coveredMembers: members(1, [['severe_disability']]) }));
    expect(result).toMatchObject({ persons: 1, lineFen: 40200, gapFen: 40200, classifiedFen: 20100, totalFen: 60300 });
  });

  it("'highest' pays a severely disabled student once, at the higher rate; 'sum' pays both", () => {
    const both = members(1, [['student', 'severe_disability']]);
    const highest = computeDibao(demo({ coveredMembers: both }));
    expect(highest.classifiedLines.map((l) => l.category)).toEqual(['severe_disability']);
    expect(highest.classifiedFen).toBe(20100);
    const sum = computeDibao(demo({ coveredMembers: both, classifiedCombination: 'sum' }));
    expect(sum.classifiedFen).toBe(28100); // 201.00 + 80.40 = 281.40 → 281
  });

  it('compares a fixed rate with a share by amount under the highest rule', () => {
    const rates = { elderly: { fixedFen: 10000 }, serious_illness: { basisPoints: 3000 } }; // 100.00 vs 120.60
    const result = computeDibao(demo({ coveredMembers: members(1, [['serious_illness', 'elderly']]), classifiedRates: rates }));
    expect(result.classifiedLines.map((l) => l.category)).toEqual(['serious_illness']);
    const fixed = computeDibao(
      demo({ coveredMembers: members(1, [['elderly']]), classifiedRates: rates }),
    );
    expect(fixed.classifiedFen).toBe(10000);
    expect(fixed.working[2]).toBe('分类施保：成员1 老年人 定额 = 100.00；合计 100.00，四舍五入为 100 元');
  });

  it('a category without a configured rate pays nothing', () => {
    const result = computeDibao(demo({ coveredMembers: members(2, [['minor'], ['elderly']]) }));
    expect(result.classifiedFen).toBe(0);
    expect(result.working[2]).toBe('分类施保：无');
  });

  it('rounds the classified total once, not per member', () => {
    // 3 × 12.5 % of 402.01 = 3 × 50.25125 = 150.75375 → 151; per member it would be 3 × 50 = 150
    const result = computeDibao(
      demo({
        monthlyStandardFen: 40201,
        coveredMembers: members(3, [['student'], ['student'], ['student']]),
        classifiedRates: { student: { basisPoints: 1250 } },
      }),
    );
    expect(result.classifiedFen).toBe(15100);
  });

  it('refuses a case with no covered person and money that is not whole fen', () => {
    expect(() => computeDibao(demo({ coveredMembers: [] }))).toThrow(/at least one person/);
    expect(() => computeDibao(demo({ countedIncomeFen: 100.5 }))).toThrow(/integer number of fen/);
  });
});
