import 'server-only';
import { eq, like, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { payoutMovements, payoutRuns, payoutSummary } from '@/db/schema';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';

const total = (column: AnyColumn) => sql<number>`coalesce(sum(${column}), 0)`.mapWith(Number);

/** The summed columns of payout_summary, for a GROUP BY over it (see SummaryRow). */
export const summed = {
  households: total(payoutSummary.households),
  persons: total(payoutSummary.persons),
  personMonths: total(payoutSummary.personMonths),
  amountFen: total(payoutSummary.amountFen),
  paidPersonMonths: total(payoutSummary.paidPersonMonths),
  paidFen: total(payoutSummary.paidFen),
  failedFen: total(payoutSummary.failedFen),
  blockedFen: total(payoutSummary.blockedFen),
  lines: total(payoutSummary.lines),
  paidLines: total(payoutSummary.paidLines),
  failedLines: total(payoutSummary.failedLines),
};

/**
 * The user's region over summary rows, which carry county and township codes. Users sit at
 * city, county or township level; a village-level user would compare a township code with a
 * 12-digit one and see nothing, never too much.
 */
export function summaryScope(user: Pick<SessionUser, 'regionCode' | 'regionLevel'>): SQL {
  return regionScope(user, { county: payoutSummary.countyCode, township: payoutSummary.townshipCode, village: payoutSummary.townshipCode });
}

export function movementScope(user: Pick<SessionUser, 'regionCode' | 'regionLevel'>): SQL {
  return regionScope(user, { county: payoutMovements.countyCode, township: payoutMovements.townshipCode, village: payoutMovements.townshipCode });
}

/**
 * The runs whose lines a user's report can reach: runs are per county, so a township user's
 * reach is their county's run (and within it, only their township's lines and summary rows).
 */
export function runCountyScope(user: Pick<SessionUser, 'regionCode' | 'regionLevel'>): SQL {
  if (user.regionLevel === 'province') return like(payoutRuns.countyCode, `${user.regionCode.slice(0, 2)}%`);
  if (user.regionLevel === 'city') return like(payoutRuns.countyCode, `${user.regionCode.slice(0, 4)}%`);
  return eq(payoutRuns.countyCode, user.regionCode.slice(0, 6));
}
