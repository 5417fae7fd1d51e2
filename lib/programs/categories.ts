// Which 分类施保 categories a member falls in, derived from registry data on a given date. The
// age limits are policy data (passed in), and the rates for each category live elsewhere.
import { parseDate } from '@/lib/core/calendar-date';

export const classifiedCategories = ['severe_disability', 'serious_illness', 'elderly', 'minor', 'student'] as const;
export type ClassifiedCategory = (typeof classifiedCategories)[number];

export const classifiedCategoryLabels: Record<ClassifiedCategory, string> = {
  severe_disability: '重度残疾',
  serious_illness: '重病',
  elderly: '老年人',
  minor: '未成年人',
  student: '在校学生',
};

export type CategoryMember = {
  disabilityKind?: string | null;
  disabilityGrade?: number | null;
  seriousIllness: boolean;
  schoolStage?: string | null;
  birthDate: string; // YYYY-MM-DD, from the resident ID
};

export type CategoryPolicy = { elderlyAge: number; minorAge: number };

/**
 * Age in completed years (周岁) on a date: a birthday not yet reached that year does not count.
 * Someone born on 29 February reaches the next age on 1 March in a common year.
 */
export function ageOn(birthDate: string, onDate: string): number {
  const b = parseDate(birthDate);
  const d = parseDate(onDate);
  if (onDate < birthDate) throw new Error(`${onDate} is before the birth date ${birthDate}`);
  const reached = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (reached ? 0 : 1);
}

/**
 * The member's categories, in a fixed order. A school-age child who is in school is a student,
 * not also a minor: the two are alternative ways of covering the same child, and counting both
 * would pay a child twice under the 'sum' combination.
 */
export function categoriesOf(member: CategoryMember, onDate: string, policy: CategoryPolicy): ClassifiedCategory[] {
  const age = ageOn(member.birthDate, onDate);
  const grade = member.disabilityGrade ?? null;
  const student = Boolean(member.schoolStage);
  const found: Record<ClassifiedCategory, boolean> = {
    severe_disability: grade === 1 || grade === 2,
    serious_illness: member.seriousIllness,
    elderly: age >= policy.elderlyAge,
    minor: age < policy.minorAge && !student,
    student,
  };
  return classifiedCategories.filter((c) => found[c]);
}
