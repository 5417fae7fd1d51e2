import type { RegionLevel, Role } from '@/db/schema';

/**
 * Where each role may sit: supervisors decide for a county, finance sends a county's runs to the
 * bank, auditors and admins work city-wide.
 */
export const allowedLevels: Record<Role, RegionLevel[]> = {
  caseworker: ['county', 'township'],
  supervisor: ['county'],
  auditor: ['city'],
  admin: ['city'],
  finance: ['county'],
};

export const levelLabels: Record<RegionLevel, string> = {
  province: '省级',
  city: '市级',
  county: '县级',
  township: '乡镇级',
  village: '村级',
};
