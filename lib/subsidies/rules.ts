// The disability subsidies applied for in their own right: pure rules, the policy as data.
// 重度残疾人护理补贴 (dis_care): the grades policy names (seed: 1–2), plus grades of given kinds
// where the county adds them (e.g. 智力/精神 3–4), needing long-term care, whatever the income.
// 困难残疾人生活补贴 (dis_living): a disabled member of a household on the dibao roll, and of a
// 低保边缘 household where policy says so. A certificate expired on the decision date refuses.

export const disabilityKindDigits = ['视力', '听力', '言语', '肢体', '智力', '精神', '多重'] as const;
export type DisabilityKind = (typeof disabilityKindDigits)[number];

/** 残疾人证号: the holder's 18-character resident ID, then the kind digit (1 视力 … 7 多重) and the grade digit. */
export function certificateNumberOf(idNumber: string, kind: DisabilityKind, grade: number): string {
  return `${idNumber}${disabilityKindDigits.indexOf(kind) + 1}${grade}`;
}

export type CertificateCheck = { ok: true } | { ok: false; field: 'certificateNumber' | 'certificateKind' | 'certificateGrade'; reason: 'format' | 'holder' | 'kind' | 'grade' };

/** The number read from the certificate against its holder's ID and the kind and grade on it. */
export function checkCertificateNumber(number: string, holderIdNumber: string, kind: DisabilityKind, grade: number): CertificateCheck {
  const n = number.trim().toUpperCase();
  if (!/^\d{17}[\dX]\d{2}$/.test(n)) return { ok: false, field: 'certificateNumber', reason: 'format' };
  if (n.slice(0, 18) !== holderIdNumber.toUpperCase()) return { ok: false, field: 'certificateNumber', reason: 'holder' };
  if (Number(n[18]) !== disabilityKindDigits.indexOf(kind) + 1) return { ok: false, field: 'certificateKind', reason: 'kind' };
  if (Number(n[19]) !== grade) return { ok: false, field: 'certificateGrade', reason: 'grade' };
  return { ok: true };
}

/** Expired on the day: a certificate valid until 2026-11-29 is good on that day and not the next. */
export function certificateExpired(validUntil: string, onDate: string): boolean {
  return validUntil < onDate;
}

export type CarePolicy = { grades: number[]; kindGrades: Partial<Record<DisabilityKind, number[]>> };

function gradeList(text: string, what: string): number[] {
  const grades = text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  if (grades.some((g) => !Number.isInteger(g) || g < 1 || g > 4)) throw new Error(`${what}: grades must be 1–4, got "${text}"`);
  return grades;
}

/** The care subsidy's policy from its two text values: "1,2" and e.g. "智力:3,4;精神:3,4" (may be empty). */
export function parseCarePolicy(gradesText: string, kindGradesText: string | null | undefined): CarePolicy {
  const kindGrades: CarePolicy['kindGrades'] = {};
  for (const part of (kindGradesText ?? '').split(/[;；]/).map((s) => s.trim()).filter(Boolean)) {
    const [kind, list] = part.split(/[:：]/);
    if (!kind || list === undefined || !(disabilityKindDigits as readonly string[]).includes(kind.trim())) throw new Error(`care policy: bad kind entry "${part}"`);
    kindGrades[kind.trim() as DisabilityKind] = gradeList(list, 'care policy');
  }
  return { grades: gradeList(gradesText, 'care policy'), kindGrades };
}

export type Verdict = { eligible: true; reason: string } | { eligible: false; reason: string };

export function careEligibility(member: { kind: DisabilityKind; grade: number; needsLongTermCare: boolean }, policy: CarePolicy): Verdict {
  const byGrade = policy.grades.includes(member.grade);
  const byKind = policy.kindGrades[member.kind]?.includes(member.grade) ?? false;
  if (!byGrade && !byKind) {
    const extra = Object.entries(policy.kindGrades)
      .map(([k, g]) => `${g!.join('、')} 级${k}`)
      .join('，');
    return { eligible: false, reason: `重度残疾人护理补贴限 ${policy.grades.join('、')} 级残疾人${extra ? `（及${extra}残疾人）` : ''}，该成员为 ${member.grade} 级${member.kind}残疾` };
  }
  if (!member.needsLongTermCare) return { eligible: false, reason: '经评定不需要长期照护，不享受重度残疾人护理补贴' };
  return { eligible: true, reason: `${member.grade} 级${member.kind}残疾，需要长期照护，享受重度残疾人护理补贴` };
}

export function livingEligibility(household: { onDibaoRoll: boolean; nearDibao: boolean }, policy: { nearDibaoIncluded: boolean }): Verdict {
  if (household.onDibaoRoll) return { eligible: true, reason: '残疾人所在家庭为低保在册户，享受困难残疾人生活补贴' };
  if (policy.nearDibaoIncluded && household.nearDibao) return { eligible: true, reason: '残疾人所在家庭为低保边缘家庭，享受困难残疾人生活补贴' };
  return {
    eligible: false,
    reason: policy.nearDibaoIncluded ? '残疾人所在家庭既不是低保在册户，也不是低保边缘家庭，不享受困难残疾人生活补贴' : '残疾人所在家庭不是低保在册户，不享受困难残疾人生活补贴',
  };
}

function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The yearly certificate review: a year after the decision, or the certificate's end if sooner. */
export function nextCertificateReview(decidedOn: string, validUntil: string): string {
  const year = addMonths(decidedOn, 12);
  return validUntil < year ? validUntil : year;
}
