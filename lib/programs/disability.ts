// The two disability subsidies are programs of their own, paid on top of (not inside) the dibao
// amount: 困难残疾人生活补贴 for a disabled member of a household in dibao, 重度残疾人护理补贴
// for grade 1–2 needing long-term care. Amounts are policy data (seed: 50 yuan/month each).
import { assertFen } from './rounding';

export type DisabilityProgram = 'dis_living' | 'dis_care';

export type DisabilitySubsidy = { program: DisabilityProgram; eligible: boolean; amountFen: number; reason: string };

export type DisabilityInput = {
  disabilityGrade: number | null;
  /** Assessed need for long-term care; when not recorded, a grade 1–2 member is taken to need it. */
  needsLongTermCare?: boolean;
  householdHasActiveDibao: boolean;
};

export type DisabilityPolicy = { livingFenPerMonth: number; careFenPerMonth: number };

export function disabilitySubsidies(member: DisabilityInput, policy: DisabilityPolicy): DisabilitySubsidy[] {
  assertFen('livingFenPerMonth', policy.livingFenPerMonth);
  assertFen('careFenPerMonth', policy.careFenPerMonth);
  const grade = member.disabilityGrade;
  if (grade !== null && !(Number.isInteger(grade) && grade >= 1 && grade <= 4)) {
    throw new Error(`disability grade must be 1–4 or null, got ${grade}`);
  }

  const living: DisabilitySubsidy =
    grade === null
      ? { program: 'dis_living', eligible: false, amountFen: 0, reason: '未持残疾证，不享受困难残疾人生活补贴' }
      : !member.householdHasActiveDibao
        ? { program: 'dis_living', eligible: false, amountFen: 0, reason: '所在家庭未在低保在册，不享受困难残疾人生活补贴' }
        : { program: 'dis_living', eligible: true, amountFen: policy.livingFenPerMonth, reason: `${grade} 级残疾，家庭为低保在册户，享受困难残疾人生活补贴` };

  const severe = grade === 1 || grade === 2;
  const needsCare = member.needsLongTermCare ?? severe;
  const care: DisabilitySubsidy = !severe
    ? { program: 'dis_care', eligible: false, amountFen: 0, reason: '重度残疾人护理补贴限一、二级残疾人' }
    : !needsCare
      ? { program: 'dis_care', eligible: false, amountFen: 0, reason: `${grade} 级残疾，但经评定不需要长期照护` }
      : { program: 'dis_care', eligible: true, amountFen: policy.careFenPerMonth, reason: `${grade} 级残疾，需要长期照护，享受重度残疾人护理补贴` };

  return [living, care];
}
