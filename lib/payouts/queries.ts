import 'server-only';
import { historyOf } from '@/lib/audit/history';
import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb, type Db, type Tx } from '@/db/client';
import { bankReturns, households, members, payoutAccountConfirmations, payoutLines, payoutRuns, priceSubsidies, regions, users } from '@/db/schema';
import { assertCan, assertCovers, userCovers } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { maskAccount } from '@/lib/households/mask';
import { assertRunVisible, runScope } from './access';
import { findRun } from './generate';
import { readProgress, unfinishedJobs } from './progress';
import { approvalRefusal } from './rules';
import { rowsOf } from '@/lib/core/sql';

const head = alias(members, 'head');
const village = alias(regions, 'village');
const county = alias(regions, 'county');
const preparer = alias(users, 'preparer');
const approver = alias(users, 'approver');

export const LINES_PAGE = 50;

export const lineScope = (user: SessionUser) =>
  regionScope(user, { county: payoutLines.countyCode, township: payoutLines.townshipCode, village: payoutLines.villageCode });

/** The runs of the counties the user sees, newest month first. */
export async function listRuns(user: SessionUser) {
  assertCan(user, 'payout.read');
  const db = await getDb();
  return db
    .select({
      id: payoutRuns.id,
      countyCode: payoutRuns.countyCode,
      countyName: county.name,
      month: payoutRuns.month,
      state: payoutRuns.state,
      lineCount: payoutRuns.lineCount,
      blockedCount: payoutRuns.blockedCount,
      totalFen: payoutRuns.totalFen,
      generatedAt: payoutRuns.generatedAt,
    })
    .from(payoutRuns)
    .innerJoin(county, eq(county.code, payoutRuns.countyCode))
    .where(runScope(user))
    .orderBy(desc(payoutRuns.month), asc(payoutRuns.countyCode))
    .limit(300);
}

/** Generations in the user's area that died midway (nothing they did remains): the page offers to start them again. */
export async function listInterruptedGenerations(user: SessionUser, now: Date = new Date()) {
  assertCan(user, 'payout.read');
  const prefix = user.regionCode.slice(0, user.regionLevel === 'province' ? 2 : user.regionLevel === 'city' ? 4 : 6);
  const db = await getDb();
  const jobs = (await unfinishedJobs(prefix, now)).filter((j) => j.status === 'interrupted');
  if (jobs.length === 0) return [];
  const names = new Map((await db.select({ code: regions.code, name: regions.name }).from(regions).where(inArray(regions.code, jobs.map((j) => j.countyCode)))).map((r) => [r.code, r.name]));
  return jobs.map((j) => ({ countyCode: j.countyCode, countyName: names.get(j.countyCode) ?? j.countyCode, month: j.month, step: j.step, steps: j.steps, label: j.label, updatedAt: j.updatedAt }));
}

/** Counties a user may start runs for. */
export async function countiesFor(user: SessionUser) {
  const db = await getDb();
  const rows = await db.select({ code: regions.code, name: regions.name }).from(regions).where(eq(regions.level, 'county')).orderBy(asc(regions.code));
  return rows.filter((r) => r.code.startsWith(user.regionCode.slice(0, user.regionLevel === 'province' ? 2 : user.regionLevel === 'city' ? 4 : 6)));
}

export interface RunSummary {
  previousMonth: string;
  previousRun: { id: string; totalFen: number; lines: number } | null;
  households: number;
  payableLines: number;
  payableFen: number;
  byKind: { kind: string; program: string; lines: number; households: number; persons: number; amount_fen: number; blocked_lines: number; blocked_fen: number }[];
  movement: { program: string; movement: 'new' | 'stopped' | 'attrition' | 'increased' | 'decreased'; lines: number; delta_fen: number; delta_persons: number }[];
  previousByProgram: { program: string; lines: number; households: number; persons: number; amount_fen: number }[];
}

/** One run for its page: the row (its summary is stored on it), names, bank returns, generation progress. */
export async function getRun(user: SessionUser, id: string) {
  assertCan(user, 'payout.read');
  const db = await getDb();
  const found = await findRun(db, id);
  if (!found) return null;
  try {
    assertRunVisible(user, found.countyCode);
  } catch {
    return null;
  }
  const [names] = await db
    .select({ countyName: county.name, preparedByName: preparer.name, approvedByName: approver.name })
    .from(payoutRuns)
    .innerJoin(county, eq(county.code, payoutRuns.countyCode))
    .leftJoin(preparer, eq(preparer.id, payoutRuns.preparedBy))
    .leftJoin(approver, eq(approver.id, payoutRuns.approvedBy))
    .where(eq(payoutRuns.id, found.id));
  const returns = await db
    .select({ id: bankReturns.id, fileName: bankReturns.fileName, paidCount: bankReturns.paidCount, failedCount: bankReturns.failedCount, paidFen: bankReturns.paidFen, failedFen: bankReturns.failedFen, importedAt: bankReturns.importedAt, importedBy: users.name })
    .from(bankReturns)
    .innerJoin(users, eq(users.id, bankReturns.importedBy))
    .where(eq(bankReturns.runId, found.id))
    .orderBy(asc(bankReturns.importedAt));
  const job = await readProgress(found.countyCode, found.month);
  // Why this user may not approve the draft (maker–checker), so the page does not offer it.
  let approvalBlock: string | null = null;
  if (found.state === 'draft') {
    const adjusters = rowsOf<{ created_by: string }>(
      await db.execute(sql`SELECT DISTINCT a.created_by FROM payout_adjustments a WHERE EXISTS (
        SELECT 1 FROM payout_lines l WHERE l.kind = a.kind AND l.source_id = a.id::text AND l.run_id = ${found.id}::uuid)`),
    );
    approvalBlock = approvalRefusal(found, adjusters.map((a) => a.created_by), user.id);
  }
  // 历史记录: the run's own audit rows (generated, approved, bank file, roster, return file …).
  const history = await historyOf(db, 'payout_run', found.id);
  return { ...found, ...names!, summary: found.summary as RunSummary | null, returns, job, approvalBlock, history };
}

export type RunDetail = NonNullable<Awaited<ReturnType<typeof getRun>>>;

/** A page of a run's lines in the user's area, keyset on the line id; account numbers masked. */
export async function listLines(user: SessionUser, runId: string, opts: { after?: number; blocked?: boolean; failed?: boolean } = {}) {
  assertCan(user, 'payout.read');
  const db = await getDb();
  const rows = await db
    .select({
      l: payoutLines,
      headName: head.name,
      villageName: village.name,
      confirmed: payoutAccountConfirmations.confirmedAt,
    })
    .from(payoutLines)
    .leftJoin(head, and(eq(head.householdId, payoutLines.householdId), eq(head.isHead, true), eq(head.status, 'active')))
    .leftJoin(village, eq(village.code, payoutLines.villageCode))
    .leftJoin(payoutAccountConfirmations, eq(payoutAccountConfirmations.lineId, payoutLines.id))
    .where(
      and(
        eq(payoutLines.runId, runId),
        lineScope(user),
        opts.after ? gt(payoutLines.id, opts.after) : undefined,
        opts.blocked ? eq(payoutLines.blocked, true) : undefined,
        opts.failed ? eq(payoutLines.status, 'failed') : undefined,
      ),
    )
    .orderBy(asc(payoutLines.runId), asc(payoutLines.id)) // the run's (run_id, id) index, in order
    .limit(LINES_PAGE + 1);
  const page = rows.slice(0, LINES_PAGE).map(({ l, headName, villageName, confirmed }) => {
    const { bankAccount, components, ...rest } = l;
    return { ...rest, accountMasked: maskAccount(bankAccount), working: components as Record<string, unknown> | null, headName, villageName, confirmed };
  });
  return { rows: page, nextAfter: rows.length > LINES_PAGE ? page.at(-1)!.id : undefined };
}

export type LineRow = Awaited<ReturnType<typeof listLines>>['rows'][number];

/** Recovery (扣回) per enrollment line of a run: the bank pays the enrollment line net of it. */
export async function recoveriesOf(db: Db | Tx, runId: string): Promise<Map<string, number>> {
  const rows = await db
    .select({ enrollmentId: payoutLines.enrollmentId, fen: sql<string>`sum(${payoutLines.amountFen})` })
    .from(payoutLines)
    .where(and(eq(payoutLines.runId, runId), eq(payoutLines.kind, 'recovery')))
    .groupBy(payoutLines.enrollmentId);
  return new Map(rows.map((r) => [r.enrollmentId!, Number(r.fen)]));
}

/** A household's payments month by month, every run, with the bank's result. */
export async function householdPayments(user: SessionUser, householdId: string) {
  assertCan(user, 'payout.read');
  const db = await getDb();
  const [h] = await db.select({ villageCode: households.villageCode }).from(households).where(eq(households.id, householdId));
  assertCovers(user, h?.villageCode);
  const rows = await db
    .select({ l: payoutLines, runState: payoutRuns.state })
    .from(payoutLines)
    .innerJoin(payoutRuns, eq(payoutRuns.id, payoutLines.runId))
    .where(eq(payoutLines.householdId, householdId))
    // Within a month: basic living first, then the subsidies, then the rest; then as written.
    .orderBy(
      desc(payoutLines.month),
      sql`case ${payoutLines.program} when 'dibao' then 1 when 'tekun' then 2 when 'dis_living' then 3 when 'dis_care' then 4 else 5 end`,
      asc(payoutLines.id),
    )
    .limit(600);
  const reissued = rows.length
    ? await db
        .select({ source: payoutLines.sourceId, month: payoutLines.month, runId: payoutLines.runId, runState: payoutRuns.state })
        .from(payoutLines)
        .innerJoin(payoutRuns, eq(payoutRuns.id, payoutLines.runId))
        .where(and(eq(payoutLines.kind, 'reissue'), inArray(payoutLines.sourceId, rows.map((r) => String(r.l.id)))))
    : [];
  // The one run that holds each failed line's re-issue (payout_lines_one_holder_uq).
  const reissuedBy = new Map(reissued.map((r) => [r.source!, { month: r.month, runId: r.runId, runState: r.runState }]));
  return rows.map(({ l, runState }) => ({
    id: l.id,
    runId: l.runId,
    month: l.month,
    kind: l.kind,
    program: l.program,
    amountFen: l.amountFen,
    persons: l.persons,
    status: l.status,
    failureReason: l.failureReason,
    blocked: l.blocked,
    blockReason: l.blockReason,
    accountMasked: maskAccount(l.bankAccount),
    bankName: l.bankName,
    runState,
    reissuedIn: reissuedBy.get(String(l.id))?.month ?? null,
    reissuedBy: reissuedBy.get(String(l.id)) ?? null,
  }));
}

/** The price subsidies declared in the admin's region, newest month first. */
export async function listPriceSubsidies(user: SessionUser) {
  assertCan(user, 'price_subsidy.manage');
  const db = await getDb();
  const region = alias(regions, 'region');
  const rows = await db
    .select({ p: priceSubsidies, regionName: region.name, declaredByName: users.name })
    .from(priceSubsidies)
    .innerJoin(region, eq(region.code, priceSubsidies.regionCode))
    .leftJoin(users, eq(users.id, priceSubsidies.declaredBy))
    .orderBy(desc(priceSubsidies.month), asc(priceSubsidies.regionCode))
    .limit(200);
  return rows.filter((r) => userCovers(user, r.p.regionCode)).map((r) => ({ ...r.p, regionName: r.regionName, declaredByName: r.declaredByName }));
}

/** Regions an admin may declare a price subsidy for: their own and the counties inside it. */
export async function subsidyRegionsFor(user: SessionUser) {
  const db = await getDb();
  const rows = await db.select({ code: regions.code, name: regions.name, level: regions.level }).from(regions).where(inArray(regions.level, ['province', 'city', 'county'])).orderBy(asc(regions.code));
  return rows.filter((r) => userCovers(user, r.code));
}
