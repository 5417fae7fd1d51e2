import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { payoutLines, payoutRuns } from '@/db/schema';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';

export interface TekunSupportMonth {
  /** 集中供养: lines paid to an institution. */
  centralized: { persons: number; amountFen: number };
  /** 分散供养: lines paid to the person at home. */
  dispersed: { persons: number; amountFen: number };
}

/**
 * 月通报's 特困 split: the month's approved 特困 lines in the user's region, 集中 (paid to an
 * institution) and 分散 apart. Reads the 特困 lines only, through their partial index
 * (payout_lines_tekun_idx), not the whole run. The caller checked report.read.
 */
export async function tekunSupportOfMonth(user: SessionUser, month: string): Promise<TekunSupportMonth> {
  const db = await getDb();
  const [r] = await db
    .select({
      cPersons: sql<number>`coalesce(sum(${payoutLines.persons}) filter (where ${payoutLines.payeeInstitutionId} is not null), 0)`.mapWith(Number),
      cFen: sql<number>`coalesce(sum(${payoutLines.amountFen}) filter (where ${payoutLines.payeeInstitutionId} is not null), 0)`.mapWith(Number),
      dPersons: sql<number>`coalesce(sum(${payoutLines.persons}) filter (where ${payoutLines.payeeInstitutionId} is null), 0)`.mapWith(Number),
      dFen: sql<number>`coalesce(sum(${payoutLines.amountFen}) filter (where ${payoutLines.payeeInstitutionId} is null), 0)`.mapWith(Number),
    })
    .from(payoutLines)
    .innerJoin(payoutRuns, eq(payoutRuns.id, payoutLines.runId))
    .where(
      and(
        eq(payoutRuns.month, month),
        ne(payoutRuns.state, 'draft'),
        eq(payoutLines.program, 'tekun'),
        eq(payoutLines.kind, 'enrollment'),
        regionScope(user, { county: payoutLines.countyCode, township: payoutLines.townshipCode, village: payoutLines.villageCode }),
      ),
    );
  return { centralized: { persons: r?.cPersons ?? 0, amountFen: r?.cFen ?? 0 }, dispersed: { persons: r?.dPersons ?? 0, amountFen: r?.dFen ?? 0 } };
}
