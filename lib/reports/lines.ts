import 'server-only';
import { and, asc, eq, gt, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { households, members, payoutLines, payoutMovements, payoutRuns, regions } from '@/db/schema';
import { assertCan } from '@/lib/auth/authorize';
import { can } from '@/lib/auth/permissions';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { maskAccount } from '@/lib/households/mask';
import { ROLL_KINDS } from './figures';
import type { LinesFilter } from './schemas';
import { movementScope, runCountyScope } from './summary-query';

export const LINES_PAGE = 50;
const head = alias(members, 'head');
const village = alias(regions, 'village');
const l = payoutLines;

/** The approved runs a filter reaches, inside the user's region: lines are read run by run. */
async function runIds(user: SessionUser, f: LinesFilter): Promise<string[]> {
  const db = await getDb();
  const rows = await db
    .select({ id: payoutRuns.id })
    .from(payoutRuns)
    .where(
      and(
        f.month ? eq(payoutRuns.month, f.month) : and(gte(payoutRuns.month, f.from!), lte(payoutRuns.month, f.to!)),
        runCountyScope(user),
        f.county ? eq(payoutRuns.countyCode, f.county) : undefined,
        sql`${payoutRuns.state} <> 'draft'`,
      ),
    );
  return rows.map((r) => r.id);
}

function lineConditions(f: LinesFilter): (SQL | undefined)[] {
  return [
    f.county ? eq(l.countyCode, f.county) : undefined,
    f.township ? eq(l.townshipCode, f.township) : undefined,
    f.program ? eq(l.program, f.program) : undefined,
    f.area ? eq(households.kind, f.area) : undefined,
    f.kind ? eq(l.kind, f.kind) : undefined,
    f.roll ? inArray(l.kind, [...ROLL_KINDS]) : undefined,
    f.status === 'paid' || f.status === 'failed' ? eq(l.status, f.status) : undefined,
    f.status === 'blocked' ? and(eq(l.status, 'pending'), eq(l.blocked, true)) : undefined,
    f.status === 'pending' ? and(eq(l.status, 'pending'), eq(l.blocked, false)) : undefined,
  ];
}

/**
 * The payout lines behind a report figure, inside the user's region, a page at a time (keyset
 * on the line id). Resident IDs never appear; accounts are masked; a user who may not read
 * personal data (the admin) sees no name or account at all.
 */
export async function listReportLines(user: SessionUser, f: LinesFilter) {
  assertCan(user, 'report.read');
  const personal = can(user.role, 'household.read');
  const db = await getDb();
  const runs = await runIds(user, f);
  if (runs.length === 0) return { rows: [], nextCursor: null, personal };
  const mv = payoutMovements;
  const byMovement = f.movement
    ? and(eq(mv.month, f.month!), eq(mv.movement, f.movement), movementScope(user), f.county ? eq(mv.countyCode, f.county) : undefined, f.township ? eq(mv.townshipCode, f.township) : undefined, f.program ? eq(mv.program, f.program) : undefined, f.area ? eq(mv.area, f.area) : undefined)
    : undefined;
  const base = db
    .select({
      id: l.id,
      month: l.month,
      program: l.program,
      kind: l.kind,
      area: households.kind,
      persons: l.persons,
      amountFen: l.amountFen,
      status: l.status,
      blocked: l.blocked,
      failureReason: l.failureReason,
      villageName: village.name,
      householdId: l.householdId,
      headName: head.name,
      bankAccount: l.bankAccount,
      bankName: l.bankName,
      movement: f.movement ? mv.movement : sql<null>`null`,
      amountDeltaFen: f.movement ? mv.amountDeltaFen : sql<null>`null`,
    })
    .from(l);
  const joined = f.movement ? base.innerJoin(mv, eq(mv.lineId, l.id)) : base;
  const rows = await joined
    .innerJoin(households, eq(households.id, l.householdId))
    .innerJoin(village, eq(village.code, l.villageCode))
    .leftJoin(head, and(eq(head.householdId, l.householdId), eq(head.isHead, true), eq(head.status, 'active')))
    .where(
      and(
        f.movement ? byMovement : inArray(l.runId, runs),
        regionScope(user, { county: l.countyCode, township: l.townshipCode, village: l.villageCode }),
        ...(f.movement ? [] : lineConditions(f)),
        f.after ? gt(l.id, f.after) : undefined,
      ),
    )
    .orderBy(asc(l.id))
    .limit(LINES_PAGE + 1);
  const page = rows.slice(0, LINES_PAGE).map(({ bankAccount, headName, householdId, bankName, ...r }) =>
    personal ? { ...r, headName, householdId, bankName, accountMasked: maskAccount(bankAccount) } : { ...r, headName: null, householdId: null, bankName: null, accountMasked: null },
  );
  return { rows: page, nextCursor: rows.length > LINES_PAGE ? page.at(-1)!.id : null, personal };
}

export type ReportLine = Awaited<ReturnType<typeof listReportLines>>['rows'][number];
