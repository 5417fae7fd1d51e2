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
  'tempaid.read': ['caseworker', 'supervisor', 'auditor'],
  'tempaid.write': ['caseworker', 'supervisor'],
  'tempaid.pay': ['caseworker'],
  'tempaid.decide': ['supervisor'],
  'tempaid.complete': ['supervisor'],
  'fund.manage': ['supervisor'],
  'calendar.manage': ['admin'],
  'audit.read': ['auditor', 'admin'],
  'user.manage': ['admin'],
  'policy.read': ['caseworker', 'supervisor', 'auditor', 'admin'],
  'policy.manage': ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof matrix;

export function can(role: Role, permission: Permission): boolean {
  return (matrix[permission] as readonly Role[]).includes(role);
}
