import 'server-only';
import { eq, like, type SQL } from 'drizzle-orm';
import { payoutRuns } from '@/db/schema';
import { userCovers } from '@/lib/auth/authorize';
import type { SessionUser } from '@/lib/auth/types';
import { AppError } from '@/lib/core/errors';

/**
 * Runs are per county. A county, city or province user sees the runs of the counties in their
 * region; a township or village user sees their own county's run (its county-wide summary holds
 * no personal data) but only the lines of their own area (lineScope).
 */
export function runVisible(user: SessionUser, countyCode: string): boolean {
  return userCovers(user, countyCode) || user.regionCode.startsWith(countyCode);
}

export function assertRunVisible(user: SessionUser, countyCode: string | undefined): void {
  if (!countyCode || !runVisible(user, countyCode)) throw new AppError('not_found');
}

export function runScope(user: SessionUser): SQL {
  switch (user.regionLevel) {
    case 'province':
      return like(payoutRuns.countyCode, `${user.regionCode.slice(0, 2)}%`);
    case 'city':
      return like(payoutRuns.countyCode, `${user.regionCode.slice(0, 4)}%`);
    default:
      return eq(payoutRuns.countyCode, user.regionCode.slice(0, 6));
  }
}
