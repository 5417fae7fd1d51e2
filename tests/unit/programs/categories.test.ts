import { describe, expect, it } from 'vitest';
import { ageOn, categoriesOf, type CategoryMember } from '@/lib/programs/categories';

const policy = { elderlyAge: 60, minorAge: 18 };
const member = (over: Partial<CategoryMember>): CategoryMember => ({ seriousIllness: false, birthDate: '1980-03-12', ...over });

describe('ageOn', () => {
  it('counts a year only once the birthday is reached', () => {
    expect(ageOn('1966-06-05', '2026-06-04')).toBe(59);
    expect(ageOn('1966-06-05', '2026-06-05')).toBe(60);
    expect(ageOn('2008-12-31', '2026-12-30')).toBe(17);
    expect(ageOn('2008-12-31', '2026-12-31')).toBe(18);
  });

  it('a 29 February birthday is reached on 1 March in a common year', () => {
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  it('refuses a date before birth or not a real date', () => {
    expect(() => ageOn('2020-01-01', '2019-12-31')).toThrow();
    expect(() => ageOn('1980-02-30', '2019-12-31')).toThrow(/real calendar date/);
  });
});

describe('categoriesOf', () => {
  it('grade 1 and 2 are severe disability; grade 3 and 4 are not', () => {
    expect(categoriesOf(member({ disabilityKind: '肢体', disabilityGrade: 1 }), '2019-11-15', policy)).toEqual(['severe_disability']);
    expect(categoriesOf(member({ disabilityKind: '视力', disabilityGrade: 2 }), '2019-11-15', policy)).toEqual(['severe_disability']);
    expect(categoriesOf(member({ disabilityKind: '智力', disabilityGrade: 3 }), '2019-11-15', policy)).toEqual([]);
    expect(categoriesOf(member({ disabilityKind: '肢体', disabilityGrade: 4 }), '2019-11-15', policy)).toEqual([]);
  });

  it('elderly from the policy age, on the birthday itself', () => {
    const m = member({ birthDate: '1959-11-15' });
    expect(categoriesOf(m, '2019-11-14', policy)).toEqual([]);
    expect(categoriesOf(m, '2019-11-15', policy)).toEqual(['elderly']);
    expect(categoriesOf(m, '2019-11-15', { ...policy, elderlyAge: 65 })).toEqual([]);
  });

  it('a child in school is a student, one out of school a minor, until the minor age', () => {
    expect(categoriesOf(member({ birthDate: '2012-07-10', schoolStage: '小学' }), '2019-11-15', policy)).toEqual(['student']);
    expect(categoriesOf(member({ birthDate: '2016-07-10' }), '2019-11-15', policy)).toEqual(['minor']);
    expect(categoriesOf(member({ birthDate: '2001-11-16' }), '2019-11-15', policy)).toEqual(['minor']);
    expect(categoriesOf(member({ birthDate: '2001-11-15' }), '2019-11-15', policy)).toEqual([]);
    expect(categoriesOf(member({ birthDate: '1999-01-01', schoolStage: '本科' }), '2019-11-15', policy)).toEqual(['student']);
  });

  it('a member may be in several categories, in a fixed order', () => {
    const m = member({ birthDate: '1950-01-01', disabilityGrade: 2, disabilityKind: '肢体', seriousIllness: true });
    expect(categoriesOf(m, '2019-11-15', policy)).toEqual(['severe_disability', 'serious_illness', 'elderly']);
  });
});
