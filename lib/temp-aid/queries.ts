import 'server-only';
import { lateEntriesOf } from '@/lib/late-entries/queries';
import { historyOf } from '@/lib/audit/history';
import { and, asc, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/client';
import { fundLedger, members, regions, tempAidCases, tempAidPayments, users } from '@/db/schema';
import { todayInChina } from '@/lib/core/time';
import { assertCan } from '@/lib/auth/authorize';
import { regionScope } from '@/lib/auth/scope';
import type { SessionUser } from '@/lib/auth/types';
import { maskAccount } from '@/lib/households/mask';
import { runLinesOf } from './bank-run';
import { bankRunNote, currentLine, holdingMonth } from './bank-run-rules';
import { isCaseOverdue } from './rules';
import type { CaseFilter } from './schemas';

const head = alias(members, 'head');
const village = alias(regions, 'village');
const township = alias(regions, 'township');

export const caseScope = (user: SessionUser) =>
  regionScope(user, { county: tempAidCases.countyCode, township: tempAidCases.townshipCode, village: tempAidCases.villageCode });

/** Cases still waiting on a deadline that has passed: first responses not completed, small fast aid not decided. */
export function overdueCondition(today: string): SQL {
  return and(
    lt(tempAidCases.deadlineOn, today),
    or(
      and(eq(tempAidCases.kind, 'first_response'), eq(tempAidCases.state, 'paid_awaiting_completion')),
      and(eq(tempAidCases.kind, 'small_fast'), eq(tempAidCases.state, 'applied')),
    ),
  )!;
}

function filterCondition(filter: CaseFilter & { overdue?: boolean }, today: string): SQL | undefined {
  return and(
    filter.state ? eq(tempAidCases.state, filter.state) : undefined,
    filter.kind ? eq(tempAidCases.kind, filter.kind) : undefined,
    filter.cause ? eq(tempAidCases.cause, filter.cause) : undefined,
    filter.township ? eq(tempAidCases.townshipCode, filter.township) : undefined,
    filter.year ? and(gte(tempAidCases.openedOn, `${filter.year}-01-01`), lt(tempAidCases.openedOn, `${filter.year + 1}-01-01`)) : undefined,
    filter.overdue ? overdueCondition(today) : undefined,
  );
}

/** Cases in the user's region, newest first, with the household head and whether they are overdue. */
export async function listCases(user: SessionUser, filter: CaseFilter & { overdue?: boolean } = {}, now: Date = new Date(), limit = 500) {
  assertCan(user, 'tempaid.read');
  const db = await getDb();
  const today = todayInChina(now);
  const rows = await db
    .select({ c: tempAidCases, headName: head.name, villageName: village.name, townshipName: township.name })
    .from(tempAidCases)
    .innerJoin(village, eq(village.code, tempAidCases.villageCode))
    .innerJoin(township, eq(township.code, tempAidCases.townshipCode))
    .leftJoin(head, and(eq(head.householdId, tempAidCases.householdId), eq(head.isHead, true), eq(head.status, 'active')))
    .where(and(caseScope(user), filterCondition(filter, today)))
    .orderBy(desc(tempAidCases.openedOn), desc(tempAidCases.createdAt))
    .limit(limit);
  return rows.map((r) => ({ ...r.c, headName: r.headName, villageName: r.villageName, townshipName: r.townshipName, overdue: isCaseOverdue(r.c, today) }));
}
export type CaseRow = Awaited<ReturnType<typeof listCases>>[number];

/** Payments the county approved that are still to be paid out. */
export async function listPaymentsDue(user: SessionUser) {
  assertCan(user, 'tempaid.read');
  const db = await getDb();
  const due = await db
    .select({ id: tempAidPayments.id, caseId: tempAidPayments.caseId, amountFen: tempAidPayments.amountFen, method: tempAidPayments.method, purpose: tempAidPayments.purpose, approvedOn: tempAidPayments.approvedOn, payeeName: tempAidPayments.payeeName, headName: head.name })
    .from(tempAidPayments)
    .leftJoin(head, and(eq(head.householdId, tempAidPayments.householdId), eq(head.isHead, true), eq(head.status, 'active')))
    .where(
      and(
        eq(tempAidPayments.status, 'approved'),
        regionScope(user, { county: tempAidPayments.countyCode, township: tempAidPayments.townshipCode, village: tempAidPayments.villageCode }),
      ),
    )
    .orderBy(asc(tempAidPayments.approvedOn))
    .limit(500);
  const lines = await runLinesOf(db, due.filter((p) => p.method === 'bank').map((p) => p.id));
  return due.map((p) => {
    const line = currentLine(lines.get(p.id) ?? []);
    return { ...p, runNote: line ? bankRunNote(line) : null };
  });
}

/** One case with its household, payments, fund movements and the names of the staff on it; null when missing or out of region. */
export async function getCase(user: SessionUser, id: string, now: Date = new Date()) {
  assertCan(user, 'tempaid.read');
  if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ c: tempAidCases, headName: head.name, villageName: village.name, townshipName: township.name })
    .from(tempAidCases)
    .innerJoin(village, eq(village.code, tempAidCases.villageCode))
    .innerJoin(township, eq(township.code, tempAidCases.townshipCode))
    .leftJoin(head, and(eq(head.householdId, tempAidCases.householdId), eq(head.isHead, true), eq(head.status, 'active')))
    .where(and(eq(tempAidCases.id, id), caseScope(user)));
  if (!row) return null;
  const c = row.c;
  // Found under the user's scope above: its audit rows (历史记录) are the user's to read.
  const [payments, ledger, lateEntries, history] = await Promise.all([
    db.select().from(tempAidPayments).where(eq(tempAidPayments.caseId, id)).orderBy(asc(tempAidPayments.createdAt)),
    db.select().from(fundLedger).where(eq(fundLedger.caseId, id)).orderBy(asc(fundLedger.id)),
    lateEntriesOf(user, 'temp_aid_case', id),
    historyOf(db, 'temp_aid_case', id),
  ]);
  const runLines = await runLinesOf(db, payments.filter((p) => p.method === 'bank').map((p) => p.id));
  const staffIds = [c.createdBy, c.accountBy, c.investigatedBy, c.decidedBy, c.completedBy, ...payments.map((p) => p.paidBy), ...payments.map((p) => p.approvedBy)].filter((x): x is string => !!x);
  const staff = await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, [...new Set(staffIds)]));
  return {
    ...c,
    headName: row.headName,
    villageName: row.villageName,
    townshipName: row.townshipName,
    overdue: isCaseOverdue(c, todayInChina(now)),
    payments: payments.map(({ bankAccount, ...p }) => {
      const lines = runLines.get(p.id) ?? [];
      const line = currentLine(lines);
      // heldByRun: the bank pays it through the county's run, so the fund must not (pay-approved.ts).
      return { ...p, bankAccountMasked: maskAccount(bankAccount), runNote: line ? bankRunNote(line) : null, heldByRun: holdingMonth(lines) !== null };
    }),
    ledger,
    lateEntries,
    history,
    staffNames: Object.fromEntries(staff.map((s) => [s.id, s.name])) as Record<string, string>,
  };
}
export type CaseDetail = NonNullable<Awaited<ReturnType<typeof getCase>>>;

/** The household's temporary-aid history: every case, newest first, with what was paid and how the bank run paid it. */
export async function listHouseholdAid(user: SessionUser, householdId: string) {
  assertCan(user, 'tempaid.read');
  const db = await getDb();
  const cases = await db
    .select()
    .from(tempAidCases)
    .where(and(eq(tempAidCases.householdId, householdId), caseScope(user)))
    .orderBy(desc(tempAidCases.openedOn), desc(tempAidCases.createdAt));
  const bank = cases.length
    ? await db
        .select({ id: tempAidPayments.id, caseId: tempAidPayments.caseId })
        .from(tempAidPayments)
        .where(and(inArray(tempAidPayments.caseId, cases.map((c) => c.id)), eq(tempAidPayments.method, 'bank')))
    : [];
  const lines = await runLinesOf(db, bank.map((p) => p.id));
  const notes = new Map<string, string[]>();
  for (const p of bank) {
    const line = currentLine(lines.get(p.id) ?? []);
    if (line) notes.set(p.caseId, [...(notes.get(p.caseId) ?? []), bankRunNote(line)]);
  }
  return cases.map((c) => ({ ...c, runNotes: notes.get(c.id) ?? [] }));
}

/** Paid amounts in the user's region: this month and this year (by payment day, China time). */
export async function paidTotals(user: SessionUser, now: Date = new Date()) {
  assertCan(user, 'tempaid.read');
  const db = await getDb();
  const today = todayInChina(now);
  const sum = (from: string) => sql<number>`coalesce(sum(${tempAidPayments.amountFen}) filter (where ${tempAidPayments.paidOn} >= ${from}), 0)::bigint`;
  const count = (from: string) => sql<number>`count(*) filter (where ${tempAidPayments.paidOn} >= ${from})::int`;
  const [row] = await db
    .select({ monthFen: sum(`${today.slice(0, 7)}-01`), monthCount: count(`${today.slice(0, 7)}-01`), yearFen: sum(`${today.slice(0, 4)}-01-01`), yearCount: count(`${today.slice(0, 4)}-01-01`) })
    .from(tempAidPayments)
    .where(
      and(
        eq(tempAidPayments.status, 'paid'),
        gte(tempAidPayments.paidOn, `${today.slice(0, 4)}-01-01`),
        regionScope(user, { county: tempAidPayments.countyCode, township: tempAidPayments.townshipCode, village: tempAidPayments.villageCode }),
      ),
    );
  return { monthFen: Number(row?.monthFen ?? 0), monthCount: row?.monthCount ?? 0, yearFen: Number(row?.yearFen ?? 0), yearCount: row?.yearCount ?? 0 };
}
