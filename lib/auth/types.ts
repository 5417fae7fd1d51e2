import type { RegionLevel, Role } from '@/db/schema';

export interface SessionUser {
  id: string;
  username: string;
  name: string;
  role: Role;
  regionCode: string;
  regionName: string;
  regionLevel: RegionLevel;
}

/** What the signed session token carries (besides next-auth's own exp/iat). */
export interface SessionClaims {
  uid: string;
  sv: number;
  loginAt: number; // seconds since epoch: the absolute 10-hour limit counts from here
  /** Signed in with a password only, by a user who must enrol a second factor before anything else. */
  enrol?: true;
}

/**
 * What a session may do before it is a full one: choose a new password (after an admin's reset
 * or at a created account's first sign-in) or enrol the second factor. Until then every page
 * leads to that step and every other action and route answers as if signed out.
 */
export type AccountPending = 'password' | 'totp';

export const pendingPaths: Record<AccountPending, string> = {
  password: '/account/password',
  totp: '/account/second-factor',
};

export const SESSION_COOKIE = 'doudi.session';
export const IDLE_TIMEOUT_SECONDS = 30 * 60;
export const ABSOLUTE_TIMEOUT_SECONDS = 10 * 60 * 60;

export const roleLabels: Record<Role, string> = {
  caseworker: '经办人',
  supervisor: '审核审批人',
  auditor: '监督',
  admin: '系统管理员',
  finance: '资金发放员',
};
