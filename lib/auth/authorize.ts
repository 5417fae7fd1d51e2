import type { RegionLevel } from '@/db/schema';
import { AppError } from '@/lib/core/errors';
import { isWithin } from '@/lib/regions/codes';
import { can, type Permission } from './permissions';
import type { SessionUser } from './types';

/** Throws "not found" (never "forbidden") when the user lacks the permission. */
export function assertCan(user: SessionUser, permission: Permission): void {
  if (!can(user.role, permission)) throw new AppError('not_found');
}

export function userCovers(user: SessionUser, regionCode: string): boolean {
  return isWithin(regionCode, { code: user.regionCode, level: user.regionLevel as RegionLevel });
}

/** Out-of-region records answer exactly like missing ones. */
export function assertCovers(user: SessionUser, regionCode: string | null | undefined): void {
  if (!regionCode || !userCovers(user, regionCode)) throw new AppError('not_found');
}
