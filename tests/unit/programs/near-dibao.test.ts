import { describe, expect, it } from 'vitest';
import { applyAloneGrounds, isNearDibao, mayApplyAlone } from '@/lib/programs/near-dibao';

const at = (perPersonIncomeFen: number) => isNearDibao({ perPersonIncomeFen, monthlyStandardFen: 40200, multiplierPct: 150 });

describe('isNearDibao (standard 402, multiplier 150 % → below 603 per person)', () => {
  it.each([
    [0, false], // dibao, not near-dibao
    [40199, false],
    [40200, true], // at the standard: not dibao, so near-dibao
    [60299, true],
    [60300, false], // at 1.5 × the standard: above the margin
    [90000, false],
  ])('%i fen per person → %s', (income, expected) => {
    expect(at(income)).toBe(expected);
  });

  it('the multiplier is policy data', () => {
    expect(isNearDibao({ perPersonIncomeFen: 70000, monthlyStandardFen: 40200, multiplierPct: 200 })).toBe(true);
  });
});

describe('mayApplyAlone (单独申请)', () => {
  it.each([
    [{ disabilityKind: '肢体', disabilityGrade: 2, seriousIllness: false }, '2 级残疾'],
    [{ disabilityKind: '视力', disabilityGrade: 1, seriousIllness: false }, '1 级残疾'],
    [{ disabilityKind: '智力', disabilityGrade: 3, seriousIllness: false }, '三级智力残疾'],
    [{ disabilityKind: '精神', disabilityGrade: 3, seriousIllness: false }, '三级精神残疾'],
    [{ disabilityKind: '肢体', disabilityGrade: 4, seriousIllness: true }, '重病患者'],
    [{ seriousIllness: true }, '重病患者'],
  ])('%o may apply alone', (member, grounds) => {
    expect(mayApplyAlone(member)).toBe(true);
    expect(applyAloneGrounds(member)).toBe(grounds);
  });

  it.each([
    [{ disabilityKind: '肢体', disabilityGrade: 3, seriousIllness: false }],
    [{ disabilityKind: '智力', disabilityGrade: 4, seriousIllness: false }],
    [{ disabilityKind: null, disabilityGrade: null, seriousIllness: false }],
    [{ seriousIllness: false }],
  ])('%o may not', (member) => {
    expect(mayApplyAlone(member)).toBe(false);
    expect(applyAloneGrounds(member)).toBeNull();
  });
});
