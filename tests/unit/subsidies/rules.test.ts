// The disability subsidies' pure rules, cases worked by hand.
import { describe, expect, it } from 'vitest';
import {
  careEligibility,
  certificateExpired,
  certificateNumberOf,
  checkCertificateNumber,
  livingEligibility,
  nextCertificateReview,
  parseCarePolicy,
} from '@/lib/subsidies/rules';

const ID = '14113019800101123X';

describe('残疾人证号', () => {
  it('is the holder ID, the kind digit (视力 1 … 多重 7) and the grade digit', () => {
    expect(certificateNumberOf(ID, '肢体', 2)).toBe('14113019800101123X42');
    expect(certificateNumberOf(ID, '视力', 1)).toBe('14113019800101123X11');
    expect(certificateNumberOf(ID, '多重', 4)).toBe('14113019800101123X74');
  });

  it('is checked against the holder, the kind and the grade, naming the field that differs', () => {
    expect(checkCertificateNumber('14113019800101123X42', ID, '肢体', 2)).toEqual({ ok: true });
    expect(checkCertificateNumber('14113019800101123x42', ID, '肢体', 2)).toEqual({ ok: true });
    expect(checkCertificateNumber('1411301980010112342', ID, '肢体', 2)).toEqual({ ok: false, field: 'certificateNumber', reason: 'format' });
    expect(checkCertificateNumber('14113019800101124X42', ID, '肢体', 2)).toEqual({ ok: false, field: 'certificateNumber', reason: 'holder' });
    expect(checkCertificateNumber('14113019800101123X52', ID, '肢体', 2)).toEqual({ ok: false, field: 'certificateKind', reason: 'kind' });
    expect(checkCertificateNumber('14113019800101123X43', ID, '肢体', 2)).toEqual({ ok: false, field: 'certificateGrade', reason: 'grade' });
  });

  it('is good through its valid-until day and expired the day after', () => {
    expect(certificateExpired('2026-11-29', '2026-11-29')).toBe(false);
    expect(certificateExpired('2026-11-29', '2026-11-30')).toBe(true);
    expect(certificateExpired('2027-01-01', '2026-12-31')).toBe(false);
  });
});

describe('重度残疾人护理补贴', () => {
  const plain = parseCarePolicy('1,2', '');
  const wider = parseCarePolicy('1，2', '智力:3,4;精神：3、4');

  it('reads the policy text', () => {
    expect(plain).toEqual({ grades: [1, 2], kindGrades: {} });
    expect(wider).toEqual({ grades: [1, 2], kindGrades: { 智力: [3, 4], 精神: [3, 4] } });
    expect(() => parseCarePolicy('1,5', '')).toThrow();
    expect(() => parseCarePolicy('1,2', '外星:3')).toThrow();
  });

  it('grade 1–2 needing care: eligible whatever the kind', () => {
    expect(careEligibility({ kind: '肢体', grade: 1, needsLongTermCare: true }, plain).eligible).toBe(true);
    expect(careEligibility({ kind: '视力', grade: 2, needsLongTermCare: true }, plain).eligible).toBe(true);
  });

  it('grade 3 is refused where policy says 1–2, and says so', () => {
    const v = careEligibility({ kind: '肢体', grade: 3, needsLongTermCare: true }, plain);
    expect(v).toEqual({ eligible: false, reason: '重度残疾人护理补贴限 1、2 级残疾人，该成员为 3 级肢体残疾' });
  });

  it('grade 3–4 intellectual or mental where policy adds them; not 3 肢体 there either', () => {
    expect(careEligibility({ kind: '智力', grade: 3, needsLongTermCare: true }, wider).eligible).toBe(true);
    expect(careEligibility({ kind: '精神', grade: 4, needsLongTermCare: true }, wider).eligible).toBe(true);
    expect(careEligibility({ kind: '智力', grade: 3, needsLongTermCare: true }, plain).eligible).toBe(false);
    const v = careEligibility({ kind: '肢体', grade: 3, needsLongTermCare: true }, wider);
    expect(v.eligible).toBe(false);
    expect(v.reason).toContain('3、4 级智力');
  });

  it('not needing long-term care refuses even grade 1', () => {
    expect(careEligibility({ kind: '肢体', grade: 1, needsLongTermCare: false }, plain)).toEqual({ eligible: false, reason: '经评定不需要长期照护，不享受重度残疾人护理补贴' });
  });
});

describe('困难残疾人生活补贴', () => {
  it('a household on the dibao roll: eligible', () => {
    expect(livingEligibility({ onDibaoRoll: true, nearDibao: false }, { nearDibaoIncluded: false }).eligible).toBe(true);
  });
  it('not on the roll: refused; 低保边缘 only where policy includes it', () => {
    expect(livingEligibility({ onDibaoRoll: false, nearDibao: true }, { nearDibaoIncluded: false })).toEqual({ eligible: false, reason: '残疾人所在家庭不是低保在册户，不享受困难残疾人生活补贴' });
    expect(livingEligibility({ onDibaoRoll: false, nearDibao: true }, { nearDibaoIncluded: true }).eligible).toBe(true);
    expect(livingEligibility({ onDibaoRoll: false, nearDibao: false }, { nearDibaoIncluded: true }).eligible).toBe(false);
  });
});

describe('年审', () => {
  it('a year after the decision, or the certificate end when sooner', () => {
    expect(nextCertificateReview('2026-03-15', '2030-01-01')).toBe('2027-03-15');
    expect(nextCertificateReview('2026-03-15', '2026-09-30')).toBe('2026-09-30');
    expect(nextCertificateReview('2024-02-29', '2030-01-01')).toBe('2025-02-28');
  });
});
