import type { MemberRow } from './household-tx';
import { maskIdNumber } from './mask';

/** What the timeline shows of a member: every detail a caseworker types, the ID masked. */
export function memberAuditView(m: MemberRow) {
  return {
    name: m.name,
    idNumber: maskIdNumber(m.idNumber),
    birthDate: m.birthDate,
    sex: m.sex,
    relation: m.relation,
    disabilityKind: m.disabilityKind,
    disabilityGrade: m.disabilityGrade,
    disabilityCertificate: m.disabilityCertificate,
    seriousIllness: m.seriousIllness,
    schoolStage: m.schoolStage,
    workingCapacity: m.workingCapacity,
  };
}
