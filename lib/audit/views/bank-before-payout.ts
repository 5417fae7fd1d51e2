import 'server-only';
import { and, count, desc, eq, gt, lte, ne, not, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { householdAccountChanges, households, payoutLines, payoutRuns, users } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { VIEW_ROWS } from './same-hands';

export interface BankChangeRow {
  changeId: string;
  householdId: string;
  headName: string;
  changedAt: Date;
  changedByName: string | null;
  confirmed: boolean;
  runId: string;
  runMonth: string;
  generatedAt: Date;
  daysBefore: number;
}

/**
 * 发放前变更银行账户: a household's payout account changed within `days` days before a run that
 * paid it (an approved, exported or reconciled run with an unblocked line of the household). The
 * run's last generation is the moment its lines took the account, so the window ends there. Read
 * from the account changes (few) of the user's region, each probing the household's lines on
 * (household_id, month): one row per change and run, newest change first.
 */
export async function listBankChangesBeforePayout(user: SessionUser, days: number) {
  assertCan(user, 'audit.read');
  const db = await getDb();
  const c = householdAccountChanges;
  const where = and(
    regionScope(user, { county: households.countyCode, township: households.townshipCode, village: households.villageCode }),
    lte(c.changedAt, payoutRuns.generatedAt),
    gt(c.changedAt, sql`${payoutRuns.generatedAt} - make_interval(days => ${days}::int)`),
  );
  const from = () =>
    db
      .select({
        changeId: c.id,
        householdId: c.householdId,
        headName: households.headName,
        changedAt: c.changedAt,
        changedByName: users.name,
        confirmed: sql<boolean>`${c.confirmedAt} is not null`,
        runId: payoutRuns.id,
        runMonth: payoutRuns.month,
        generatedAt: payoutRuns.generatedAt,
        daysBefore: sql<number>`floor(extract(epoch from (${payoutRuns.generatedAt} - ${c.changedAt})) / 86400)::int`.mapWith(Number),
      })
      .from(c)
      .innerJoin(households, eq(households.id, c.householdId))
      .innerJoin(payoutLines, and(eq(payoutLines.householdId, c.householdId), not(payoutLines.blocked), ne(payoutLines.kind, 'recovery')))
      .innerJoin(payoutRuns, and(eq(payoutRuns.id, payoutLines.runId), ne(payoutRuns.state, 'draft')))
      .leftJoin(users, eq(users.id, c.changedBy))
      .where(where)
      .groupBy(c.id, households.id, users.id, payoutRuns.id);
  const rows = (await from().orderBy(desc(c.changedAt), payoutRuns.month).limit(VIEW_ROWS)) as BankChangeRow[];
  const total = rows.length < VIEW_ROWS ? rows.length : ((await db.select({ n: count() }).from(from().as('x')))[0]?.n ?? 0);
  return { rows, total };
}
