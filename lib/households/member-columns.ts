import type { ParsedIdNumber } from '@/lib/core/resident-id';
import type { MemberInput } from './schemas';

/** A member's stored columns from the validated input and its parsed ID (birth date and sex come from the ID). */
export function memberColumns(m: Omit<MemberInput, 'idNumber'>, parsed: Extract<ParsedIdNumber, { ok: true }>) {
  return {
    name: m.name,
    idNumber: parsed.id,
    birthDate: parsed.birthDate,
    sex: parsed.sex,
    relation: m.relation,
    isHead: m.relation === '本人',
    disabilityKind: m.disabilityKind ?? null,
    disabilityGrade: m.disabilityGrade ?? null,
    disabilityCertificate: m.disabilityCertificate ?? null,
    seriousIllness: m.seriousIllness,
    schoolStage: m.schoolStage ?? null,
    workingCapacity: m.workingCapacity,
  };
}
