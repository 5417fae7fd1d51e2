import type { Role } from '@/db/schema';

/** The role matrix: every verb and query names the permission it needs. */
const matrix = {
  'household.read': ['caseworker', 'supervisor', 'auditor'],
  'household.write': ['caseworker', 'supervisor'],
  'application.read': ['caseworker', 'supervisor', 'auditor'],
  'application.write': ['caseworker', 'supervisor'],
  'application.decide': ['supervisor'],
  'enrollment.read': ['caseworker', 'supervisor', 'auditor'],
  'enrollment.propose': ['caseworker', 'supervisor'],
  'enrollment.approve': ['supervisor'],
  // 定期复核: batches, assignment and visits; a change a review proposes is approved as any other.
  'review.read': ['caseworker', 'supervisor', 'auditor'],
  'review.work': ['caseworker', 'supervisor'],
  'tempaid.read': ['caseworker', 'supervisor', 'auditor'],
  'tempaid.write': ['caseworker', 'supervisor'],
  'tempaid.pay': ['caseworker'],
  'tempaid.decide': ['supervisor'],
  'tempaid.complete': ['supervisor'],
  'fund.manage': ['supervisor'],
  'payout.read': ['caseworker', 'supervisor', 'auditor', 'finance'],
  'payout.prepare': ['caseworker', 'supervisor'],
  'payout.approve': ['supervisor'],
  // Separation of duties: those who prepare and approve a run do not send it to the bank nor
  // record what the bank paid. The bank file carries full account numbers: only finance gets it.
  'payout.bank_file': ['finance'],
  'payout.reconcile': ['finance'],
  'price_subsidy.manage': ['admin'],
  'calendar.manage': ['admin'],
  // Reports are figures, not people: the admin reads them too (their drill-down lists carry no names).
  'report.read': ['caseworker', 'supervisor', 'auditor', 'admin', 'finance'],
  // 补录 across a region: who entered which step late, and why (names of staff, not of residents).
  // 动态监测: the township's caseworkers import comparison files and answer the alerts they raise.
  'monitoring.read': ['caseworker', 'supervisor', 'auditor'],
  'monitoring.import': ['caseworker', 'supervisor'],
  'monitoring.write': ['caseworker', 'supervisor'],
  'monitoring.assign': ['supervisor'],
  'late_entry.read': ['supervisor', 'auditor'],
  // 投诉举报: intake by caseworkers and supervisors, assignment by supervisors, reading for the auditor.
  'complaint.read': ['caseworker', 'supervisor', 'auditor'],
  'complaint.intake': ['caseworker', 'supervisor'],
  'complaint.assign': ['supervisor'],
  'complaint.handle': ['caseworker', 'supervisor'],
  // 供养机构 and 集中供养: kept by the county's supervisors; read by those who read enrollments.
  'institution.read': ['caseworker', 'supervisor', 'auditor'],
  'institution.manage': ['supervisor'],
  // 材料: uploaded by the region's caseworkers and supervisors, read (and downloaded) by the auditor too.
  'document.read': ['caseworker', 'supervisor', 'auditor'],
  'document.upload': ['caseworker', 'supervisor'],
  // 家庭经济状况核对: the consent, the request and the departments' answers; the departments' list is the admin's.
  'verification.read': ['caseworker', 'supervisor', 'auditor'],
  'verification.write': ['caseworker', 'supervisor'],
  'verification.departments': ['admin'],
  'audit.read': ['auditor', 'admin'],
  'user.manage': ['admin'],
  // One's own password and second factor: every role.
  'account.self': ['caseworker', 'supervisor', 'auditor', 'admin', 'finance'],
  'policy.read': ['caseworker', 'supervisor', 'auditor', 'admin'],
  'policy.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof matrix;

export function can(role: Role, permission: Permission): boolean {
  return (matrix[permission] as readonly Role[]).includes(role);
}
