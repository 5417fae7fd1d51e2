import { describe, expect, it } from 'vitest';
import reference from '../../fixtures/mu-xiaojun.json';
import { disabilitySubsidies } from '@/lib/programs/disability';

const policy = {
  livingFenPerMonth: reference.policy.disabilityLivingFenPerMonth,
  careFenPerMonth: reference.policy.disabilityCareFenPerMonth,
};
const eligible = (r: ReturnType<typeof disabilitySubsidies>) =>
  r.filter((s) => s.eligible).map((s) => [s.program, s.amountFen]);

describe('disabilitySubsidies', () => {
  it('穆小军 (grade 1, dibao household) gets both, 50 yuan each, outside the dibao amount', () => {
    const r = disabilitySubsidies({ disabilityGrade: 1, householdHasActiveDibao: true }, policy);
    expect(eligible(r)).toEqual([['dis_living', 5000], ['dis_care', 5000]]);
    expect(r.map((s) => s.reason)).toEqual([
      '1 级残疾，家庭为低保在册户，享受困难残疾人生活补贴',
      '1 级残疾，需要长期照护，享受重度残疾人护理补贴',
    ]);
  });

  it('living subsidy needs an active dibao enrollment; care subsidy does not', () => {
    const r = disabilitySubsidies({ disabilityGrade: 2, householdHasActiveDibao: false }, policy);
    expect(eligible(r)).toEqual([['dis_care', 5000]]);
    expect(r[0]!.reason).toContain('未在低保在册');
  });

  it('grade 3–4 in a dibao household: living subsidy only', () => {
    for (const grade of [3, 4]) {
      const r = disabilitySubsidies({ disabilityGrade: grade, householdHasActiveDibao: true, needsLongTermCare: true }, policy);
      expect(eligible(r)).toEqual([['dis_living', 5000]]);
      expect(r[1]!.reason).toBe('重度残疾人护理补贴限一、二级残疾人');
    }
  });

  it('grade 1–2 assessed as not needing long-term care: no care subsidy', () => {
    const r = disabilitySubsidies({ disabilityGrade: 2, householdHasActiveDibao: true, needsLongTermCare: false }, policy);
    expect(eligible(r)).toEqual([['dis_living', 5000]]);
  });

  it('no disability: neither', () => {
    expect(eligible(disabilitySubsidies({ disabilityGrade: null, householdHasActiveDibao: true }, policy))).toEqual([]);
  });

  it('amounts come from policy', () => {
    const r = disabilitySubsidies({ disabilityGrade: 1, householdHasActiveDibao: true }, { livingFenPerMonth: 8000, careFenPerMonth: 10000 });
    expect(eligible(r)).toEqual([['dis_living', 8000], ['dis_care', 10000]]);
  });

  it('refuses a grade outside 1–4', () => {
    expect(() => disabilitySubsidies({ disabilityGrade: 5, householdHasActiveDibao: true }, policy)).toThrow(/1–4/);
  });
});
